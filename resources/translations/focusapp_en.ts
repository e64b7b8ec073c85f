<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CalendarImportDialog</name>
    <message numerus="yes">
        <source>{meetings} on %n days</source>
        <translation>
            <numerusform>{meetings} on %n day</numerusform>
            <numerusform>{meetings} on %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days with new meeting numbers</source>
        <translation>
            <numerusform>%n day with new meeting numbers</numerusform>
            <numerusform>%n days with new meeting numbers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped: %n events could not be read</source>
        <translation>
            <numerusform>Skipped: %n event could not be read</numerusform>
            <numerusform>Skipped: %n events could not be read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckInFiles</name>
    <message numerus="yes">
        <source>... and %n more</source>
        <translation>
            <numerusform>... and %n more</numerusform>
            <numerusform>... and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n days changed meanwhile. Please import again.</source>
        <translation>
            <numerusform>Nothing was imported: %n day changed meanwhile. Please import again.</numerusform>
            <numerusform>Nothing was imported: %n days changed meanwhile. Please import again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n days to {name}.</source>
        <translation>
            <numerusform>Exported %n day to {name}.</numerusform>
            <numerusform>Exported %n days to {name}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardHeader</name>
    <message numerus="yes">
        <source>Not yet (%n more check-ins)</source>
        <translation>
            <numerusform>Not yet (%n more check-in)</numerusform>
            <numerusform>Not yet (%n more check-ins)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DayDetail</name>
    <message numerus="yes">
        <source>%n or more work days in a row</source>
        <translation>
            <numerusform>%n or more work days in a row</numerusform>
            <numerusform>%n or more work days in a row</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n work days in a row</source>
        <translation>
            <numerusform>%n work day in a row</numerusform>
            <numerusform>%n work days in a row</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SafetyActions</name>
    <message numerus="yes">
        <source>%n files will be deleted and FocusApp will close. This cannot be undone; export your check-ins first if you want to keep them.</source>
        <translation>
            <numerusform>%n file will be deleted and FocusApp will close. This cannot be undone; export your check-ins first if you want to keep them.</numerusform>
            <numerusform>%n files will be deleted and FocusApp will close. This cannot be undone; export your check-ins first if you want to keep them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Words</name>
    <message numerus="yes">
        <source>%n days ({range})</source>
        <translation>
            <numerusform>%n day ({range})</numerusform>
            <numerusform>%n days ({range})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;{time}&lt;/b&gt; in meetings (%n meetings)</source>
        <translation>
            <numerusform>&lt;b&gt;{time}&lt;/b&gt; in meetings (%n meeting)</numerusform>
            <numerusform>&lt;b&gt;{time}&lt;/b&gt; in meetings (%n meetings)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events left out, each with its reason.</source>
        <translation>
            <numerusform>%n event left out, with its reason.</numerusform>
            <numerusform>%n events left out, each with its reason.</numerusform>
        </translation>
    </message>
</context>
</TS>
