<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AddCalendarAction</name>
    <message>
        <source>&amp;Add calendar...</source>
        <translation>Kalender &amp;hinzufügen...</translation>
    </message>
    <message>
        <source>Follow a calendar vdirsyncer, khal, Evolution or Thunderbird keeps here</source>
        <translation>Einem Kalender folgen, den vdirsyncer, khal, Evolution oder Thunderbird hier ablegt</translation>
    </message>
</context>
<context>
    <name>AddCalendarDialog</name>
    <message>
        <source>Choose a calendar folder</source>
        <extracomment>The list item&apos;s role holding the source&apos;s path.</extracomment>
        <translation>Kalenderordner wählen</translation>
    </message>
    <message>
        <source>Choose a calendar file</source>
        <translation>Kalenderdatei wählen</translation>
    </message>
    <message>
        <source>Calendars (*.ics *.db *.sqlite);;All files (*)</source>
        <translation>Kalender (*.ics *.db *.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add calendar</source>
        <translation>Kalender hinzufügen</translation>
    </message>
    <message>
        <source>Calendars other programs keep on this computer. FocusApp only reads them and follows their changes; it never downloads anything.</source>
        <translation>Kalender, die andere Programme auf diesem Computer ablegen. FocusApp liest sie nur und folgt ihren Änderungen; es lädt nie etwas herunter.</translation>
    </message>
    <message>
        <source>Looking for calendars...</source>
        <translation>Kalender werden gesucht...</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Choose &amp;file...</source>
        <translation>&amp;Datei wählen...</translation>
    </message>
    <message>
        <source>Choose f&amp;older...</source>
        <translation>&amp;Ordner wählen...</translation>
    </message>
    <message>
        <source>Adding {path}...</source>
        <translation>{path} wird hinzugefügt...</translation>
    </message>
    <message>
        <source>Pick one and press Enter, or choose a file or folder.</source>
        <translation>Einen auswählen und Enter drücken oder eine Datei bzw. einen Ordner wählen.</translation>
    </message>
    <message>
        <source>Nothing new found here: choose a file or folder.</source>
        <translation>Hier nichts Neues gefunden: eine Datei oder einen Ordner wählen.</translation>
    </message>
    <message>
        <source>vdir</source>
        <translation>vdir</translation>
    </message>
    <message>
        <source>Evolution</source>
        <translation>Evolution</translation>
    </message>
    <message>
        <source>Thunderbird, events not read</source>
        <translation>Thunderbird, Termine nicht gelesen</translation>
    </message>
    <message>
        <source>.ics file</source>
        <translation>.ics-Datei</translation>
    </message>
    <message>
        <source>{count} events</source>
        <translation>{count} Termine</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>Added {path}: {count} meetings.</source>
        <translation>{path} hinzugefügt: {count} Meetings.</translation>
    </message>
    <message>
        <source>Added {path}. {note}</source>
        <translation>{path} hinzugefügt. {note}</translation>
    </message>
    <message>
        <source>Not added: {problem}</source>
        <translation>Nicht hinzugefügt: {problem}</translation>
    </message>
    <message>
        <source>Something went wrong: {problem}</source>
        <translation>Etwas ist schiefgelaufen: {problem}</translation>
    </message>
</context>
<context>
    <name>AddMeetingTimeDialog</name>
    <message>
        <source>Add meeting time</source>
        <translation>Meeting-Zeit hinzufügen</translation>
    </message>
    <message>
        <source>Meeting time to add to &amp;today:</source>
        <translation>Meeting-Zeit, die &amp;heute hinzukommt:</translation>
    </message>
    <message>
        <source>e.g. 30m, 45 minutes, 1h30</source>
        <translation>z. B. 30m, 45 minutes, 1h30</translation>
    </message>
    <message>
        <source>Accepted: {forms}</source>
        <translation>Erlaubt: {forms}</translation>
    </message>
    <message>
        <source>Meeting time to add</source>
        <translation>Hinzuzufügende Meeting-Zeit</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Today: {so_far}, then {total}</source>
        <translation>Heute: {so_far}, danach {total}</translation>
    </message>
    <message>
        <source>Today so far: {so_far}</source>
        <translation>Heute bisher: {so_far}</translation>
    </message>
    <message>
        <source>Type how much meeting time to add, e.g. 30m.</source>
        <translation>Eingeben, wie viel Meeting-Zeit hinzukommt, z. B. 30m.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>ddd dd MMM yyyy HH:mm</source>
        <translation>ddd, d. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>d</source>
        <translation>d.</translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} bis {last}</translation>
    </message>
    <message>
        <source>unreadable: {problem}</source>
        <translation>nicht lesbar: {problem}</translation>
    </message>
    <message>
        <source>no check-ins</source>
        <translation>keine Check-ins</translation>
    </message>
    <message>
        <source>Backed up {contents} to {name}. Earlier backups are kept.</source>
        <translation>{contents} in {name} gesichert. Frühere Sicherungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <extracomment>Column of the backup itself in each row (kept as item data).</extracomment>
        <translation>Aus Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>FocusApp backs up your data when it first starts each day and when it quits, and keeps 7 daily, 4 weekly and 12 monthly backups. Restoring replaces your current data; it is backed up first, so you can undo a restore.</source>
        <translation>FocusApp sichert deine Daten beim ersten Start jedes Tages und beim Beenden und behält 7 tägliche, 4 wöchentliche und 12 monatliche Sicherungen. Eine Wiederherstellung ersetzt deine aktuellen Daten; diese werden vorher gesichert, sodass du sie rückgängig machen kannst.</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Check-ins</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation>Es gibt noch keine Sicherungen.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <source>Reading the backups...</source>
        <translation>Die Sicherungen werden gelesen...</translation>
    </message>
    <message>
        <source>Restored the backup of {created}: {contents}.</source>
        <translation>Sicherung vom {created} wiederhergestellt: {contents}.</translation>
    </message>
    <message>
        <source>The data it replaced was backed up as {name}; restore that to undo.</source>
        <translation>Die ersetzten Daten wurden als {name} gesichert; stelle diese wieder her, um es rückgängig zu machen.</translation>
    </message>
    <message>
        <source>1 day, {first}</source>
        <translation>1 Tag, {first}</translation>
    </message>
    <message>
        <source>{days} days, {first} to {last}</source>
        <translation>{days} Tage, {first} bis {last}</translation>
    </message>
</context>
<context>
    <name>BackupRestore</name>
    <message>
        <source>Backup restored</source>
        <translation>Sicherung wiederhergestellt</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>Nicht wiederhergestellt</translation>
    </message>
    <message>
        <source>Nothing was restored: {error}.</source>
        <translation>Es wurde nichts wiederhergestellt: {error}.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>Weniger</translation>
    </message>
</context>
<context>
    <name>CalendarActions</name>
    <message>
        <source>Import &amp;calendar...</source>
        <translation>&amp;Kalender importieren...</translation>
    </message>
    <message>
        <source>Read meeting time from a calendar file (.ics)</source>
        <translation>Meeting-Zeit aus einer Kalenderdatei (.ics) lesen</translation>
    </message>
    <message>
        <source>&amp;Calendar for this day...</source>
        <translation>&amp;Kalender für diesen Tag...</translation>
    </message>
    <message>
        <source>Which calendar events count for this day, and why</source>
        <translation>Welche Kalendertermine für diesen Tag zählen, und warum</translation>
    </message>
    <message>
        <source>Your address was not saved: {error}</source>
        <translation>Deine Adresse wurde nicht gespeichert: {error}</translation>
    </message>
    <message>
        <source>Importing {name}...</source>
        <translation>{name} wird importiert...</translation>
    </message>
    <message>
        <source>Calendar: {problem}</source>
        <translation>Kalender: {problem}</translation>
    </message>
    <message>
        <source>The calendar could not be imported.</source>
        <translation>Der Kalender konnte nicht importiert werden.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Calendar not imported</source>
        <translation>Kalender nicht importiert</translation>
    </message>
</context>
<context>
    <name>CalendarDayDialog</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Counted?</source>
        <translation>Gezählt?</translation>
    </message>
    <message>
        <source>Calendar file</source>
        <translation>Kalenderdatei</translation>
    </message>
    <message>
        <source>Overlaps</source>
        <translation>Überschneidungen</translation>
    </message>
    <message>
        <source>Calendar for this day</source>
        <translation>Kalender für diesen Tag</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Vorheriger Tag</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Nächster Tag</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>No calendar events on this day.</source>
        <translation>Keine Kalendertermine an diesem Tag.</translation>
    </message>
    <message>
        <source>&lt;small&gt;Meeting time is the union of the counted events (overlaps count once). A time you type in the check-in form is used instead.&lt;/small&gt;</source>
        <translation>&lt;small&gt;Die Meeting-Zeit ist die Vereinigung der gezählten Termine (Überschneidungen zählen einmal). Eine im Check-in-Formular eingegebene Zeit hat Vorrang.&lt;/small&gt;</translation>
    </message>
    <message>
        <source>This day&apos;s calendar could not be read: {error}</source>
        <translation>Der Kalender dieses Tages konnte nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>Event titles are not kept (setting calendar.keep_titles is off).</source>
        <translation>Termintitel werden nicht gespeichert (Einstellung calendar.keep_titles ist aus).</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Gezählt</translation>
    </message>
    <message>
        <source>Left out: {reason}</source>
        <translation>Nicht gezählt: {reason}</translation>
    </message>
</context>
<context>
    <name>CalendarDialogs</name>
    <message>
        <source>as chosen</source>
        <extracomment>Keyed by RangeOrigin&apos;s values.</extracomment>
        <translation>wie gewählt</translation>
    </message>
    <message>
        <source>one year back to four weeks ahead</source>
        <translation>ein Jahr zurück bis vier Wochen voraus</translation>
    </message>
    <message>
        <source>widened to keep this file&apos;s earlier import</source>
        <translation>erweitert, um den früheren Import dieser Datei zu behalten</translation>
    </message>
    <message>
        <source>Calendar files (*.ics *.ical *.icalendar);;All files (*)</source>
        <translation>Kalenderdateien (*.ics *.ical *.icalendar);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import calendar</source>
        <extracomment>How long a calendar message stays in the status bar.</extracomment>
        <translation>Kalender importieren</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <extracomment>Rows shown for skipped events and warnings before &quot;... and N more&quot;. Rows a result table shows before it scrolls.</extracomment>
        <translation>ddd, d. MMM yyyy</translation>
    </message>
    <message>
        <source>Line {line}: {problem}</source>
        <translation>Zeile {line}: {problem}</translation>
    </message>
    <message>
        <source>No imported calendar covers this day, so its meeting time is whatever you type. Import a calendar from &lt;i&gt;File › Import calendar...&lt;/i&gt;</source>
        <translation>Kein importierter Kalender deckt diesen Tag ab, daher gilt die Meeting-Zeit, die du eingibst. Importiere einen Kalender über &lt;i&gt;Datei › Kalender importieren...&lt;/i&gt;</translation>
    </message>
    <message>
        <source>{count} back-to-back</source>
        <translation>{count} direkt hintereinander</translation>
    </message>
    <message>
        <source>longest free block {time}</source>
        <translation>längster freier Block {time}</translation>
    </message>
    <message>
        <source>{time} outside working hours</source>
        <translation>{time} außerhalb der Arbeitszeit</translation>
    </message>
    <message>
        <source>{time} double-booked</source>
        <translation>{time} doppelt gebucht</translation>
    </message>
</context>
<context>
    <name>CalendarFileList</name>
    <message>
        <source>Watched calendar files</source>
        <translation>Beobachtete Kalenderdateien</translation>
    </message>
    <message>
        <source>Calendar files (.ics) that FocusApp reads for meeting time</source>
        <translation>Kalenderdateien (.ics), aus denen FocusApp die Meeting-Zeit liest</translation>
    </message>
    <message>
        <source>&amp;Add...</source>
        <translation>&amp;Hinzufügen...</translation>
    </message>
    <message>
        <source>Add calendar files (.ics)</source>
        <translation>Kalenderdateien (.ics) hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Stop reading the selected files (Delete)</source>
        <translation>Die ausgewählten Dateien nicht mehr lesen (Entf)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>CalendarImportDialog</name>
    <message>
        <source>Calendar unchanged</source>
        <translation>Kalender unverändert</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name} is already imported&lt;/b&gt;</source>
        <translation>&lt;b&gt;{name} ist bereits importiert&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The file and your calendar settings are as at its last import: nothing changed.</source>
        <translation>Die Datei und deine Kalendereinstellungen sind wie beim letzten Import: nichts hat sich geändert.</translation>
    </message>
    <message>
        <source>Calendar imported</source>
        <translation>Kalender importiert</translation>
    </message>
    <message>
        <source>&lt;b&gt;Updated from {name}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Aus {name} aktualisiert&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Imported {name}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{name} importiert&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Meeting time now comes from this calendar on the days it covers, except where you typed your own.</source>
        <translation>Die Meeting-Zeit kommt jetzt an den abgedeckten Tagen aus diesem Kalender, außer wo du selbst eine eingegeben hast.</translation>
    </message>
    <message>
        <source>Days covered:</source>
        <translation>Abgedeckte Tage:</translation>
    </message>
    <message>
        <source>{first} to {last} ({origin})</source>
        <translation>{first} bis {last} ({origin})</translation>
    </message>
    <message numerus="yes">
        <source>{meetings} on %n days</source>
        <translation>
            <numerusform>{meetings} an %n Tag</numerusform>
            <numerusform>{meetings} an %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Meetings counted:</source>
        <translation>Gezählte Meetings:</translation>
    </message>
    <message>
        <source>Days changed:</source>
        <translation>Geänderte Tage:</translation>
    </message>
    <message numerus="yes">
        <source>%n days with new meeting numbers</source>
        <translation>
            <numerusform>%n Tag mit neuen Meeting-Zahlen</numerusform>
            <numerusform>%n Tage mit neuen Meeting-Zahlen</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>Nicht gezählt:</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n Termin</numerusform>
            <numerusform>%n Termine</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <source>Left out, by reason</source>
        <translation>Nicht gezählt, nach Grund</translation>
    </message>
    <message>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>(no UID)</source>
        <translation>(keine UID)</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message numerus="yes">
        <source>Skipped: %n events could not be read</source>
        <translation>
            <numerusform>Übersprungen: %n Termin konnte nicht gelesen werden</numerusform>
            <numerusform>Übersprungen: %n Termine konnten nicht gelesen werden</numerusform>
        </translation>
    </message>
    <message>
        <source>(first {shown} of {total})</source>
        <translation>(die ersten {shown} von {total})</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Get help</source>
        <translation>Hilfe finden</translation>
    </message>
    <message>
        <source>What this signal is, and where to find help</source>
        <translation>Was dieses Signal ist und wo du Hilfe findest</translation>
    </message>
    <message>
        <source>No check-ins in this range.</source>
        <translation>Keine Check-ins in diesem Zeitraum.</translation>
    </message>
</context>
<context>
    <name>CheckInFiles</name>
    <message>
        <source>&amp;Import check-ins...</source>
        <translation>Check-ins &amp;importieren...</translation>
    </message>
    <message>
        <source>&amp;Export check-ins...</source>
        <translation>Check-ins &amp;exportieren...</translation>
    </message>
    <message>
        <source>Export charts as &amp;PNG...</source>
        <translation>Diagramme als &amp;PNG exportieren...</translation>
    </message>
    <message>
        <source>Import check-ins</source>
        <translation>Check-ins importieren</translation>
    </message>
    <message>
        <source>Check-ins (*.csv *.json)</source>
        <translation>Check-ins (*.csv *.json)</translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>Nichts importiert</translation>
    </message>
    <message numerus="yes">
        <source>... and %n more</source>
        <translation>
            <numerusform>... und %n weiterer</numerusform>
            <numerusform>... und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported:</source>
        <translation>Es wurde nichts importiert:</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n days changed meanwhile. Please import again.</source>
        <translation>
            <numerusform>Es wurde nichts importiert: %n Tag hat sich inzwischen geändert. Bitte erneut importieren.</numerusform>
            <numerusform>Es wurde nichts importiert: %n Tage haben sich inzwischen geändert. Bitte erneut importieren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported: {error}</source>
        <translation>Es wurde nichts importiert: {error}</translation>
    </message>
    <message>
        <source>Export check-ins</source>
        <translation>Check-ins exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Nicht exportiert</translation>
    </message>
    <message>
        <source>Could not write {name}: {error}</source>
        <translation>{name} konnte nicht geschrieben werden: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n days to {name}.</source>
        <translation>
            <numerusform>%n Tag nach {name} exportiert.</numerusform>
            <numerusform>%n Tage nach {name} exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export charts</source>
        <translation>Diagramme exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Could not write {path}.</source>
        <translation>{path} konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Charts saved to {path}.</source>
        <translation>Diagramme in {path} gespeichert.</translation>
    </message>
</context>
<context>
    <name>CheckInForm</name>
    <message>
        <source>1 Calm</source>
        <translation>1 Ruhig</translation>
    </message>
    <message>
        <source>2 Mild</source>
        <translation>2 Leicht</translation>
    </message>
    <message>
        <source>3 Moderate</source>
        <translation>3 Mittel</translation>
    </message>
    <message>
        <source>4 High</source>
        <translation>4 Hoch</translation>
    </message>
    <message>
        <source>5 Very high</source>
        <translation>5 Sehr hoch</translation>
    </message>
    <message>
        <source>Coding / deep work, e.g. 2h or 1h30</source>
        <translation>Coding / Fokusarbeit, z. B. 2h oder 1h30</translation>
    </message>
    <message>
        <source>Time in meetings, e.g. 3h</source>
        <translation>Zeit in Meetings, z. B. 3h</translation>
    </message>
    <message>
        <source>Optional, hours, e.g. 7.5</source>
        <translation>Optional, Stunden, z. B. 7.5</translation>
    </message>
    <message>
        <source>Sleep hours</source>
        <translation>Schlafstunden</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Nicht erfasst</translation>
    </message>
    <message>
        <source>Stress</source>
        <translation>Stress</translation>
    </message>
    <message>
        <source>Optional, stays on this computer</source>
        <translation>Optional, bleibt auf diesem Computer</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Save check-in</source>
        <translation>Check-in speichern</translation>
    </message>
    <message>
        <source>Da&amp;y</source>
        <extracomment>The widget to focus for a problem with each field.</extracomment>
        <translation>&amp;Tag</translation>
    </message>
    <message>
        <source>&amp;Energy</source>
        <translation>&amp;Energie</translation>
    </message>
    <message>
        <source>&amp;Coding</source>
        <translation>&amp;Coding</translation>
    </message>
    <message>
        <source>&amp;Meetings</source>
        <translation>&amp;Meetings</translation>
    </message>
    <message>
        <source>S&amp;leep</source>
        <translation>&amp;Schlaf</translation>
    </message>
    <message>
        <source>S&amp;tress</source>
        <translation>St&amp;ress</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <source>Accepted: {forms}</source>
        <translation>Erlaubt: {forms}</translation>
    </message>
    <message>
        <source>{time} from focus sessions</source>
        <translation>{time} aus Fokus-Sitzungen</translation>
    </message>
    <message>
        <source>{time} from your calendar</source>
        <translation>{time} aus deinem Kalender</translation>
    </message>
    <message>
        <source>Cleared: save to use the derived time again.</source>
        <translation>Geleert: speichern, um wieder die abgeleitete Zeit zu verwenden.</translation>
    </message>
    <message>
        <source>Not saved: please fix the marked field.</source>
        <translation>Nicht gespeichert: bitte das markierte Feld korrigieren.</translation>
    </message>
    <message>
        <source>Not saved: please fix the {count} marked fields.</source>
        <translation>Nicht gespeichert: bitte die {count} markierten Felder korrigieren.</translation>
    </message>
    <message>
        <source>Saved {day}.</source>
        <translation>{day} gespeichert.</translation>
    </message>
    <message>
        <source>ddd dd MMM</source>
        <translation>ddd, d. MMM</translation>
    </message>
    <message>
        <source>Kept what you typed for {day}. {missing}</source>
        <translation>Deine Eingaben für {day} wurden behalten. {missing}</translation>
    </message>
    <message>
        <source>Not checked in yet: choose your energy (keys 1-5) to finish.</source>
        <translation>Noch nicht eingecheckt: wähle deine Energie (Tasten 1-5), um abzuschließen.</translation>
    </message>
    <message>
        <source>Edit today&apos;s check-in ({day})</source>
        <translation>Heutigen Check-in bearbeiten ({day})</translation>
    </message>
    <message>
        <source>How was today ({day})?</source>
        <translation>Wie war heute ({day})?</translation>
    </message>
    <message>
        <source>Edit yesterday&apos;s check-in ({day})</source>
        <translation>Gestrigen Check-in bearbeiten ({day})</translation>
    </message>
    <message>
        <source>How was yesterday ({day})?</source>
        <translation>Wie war gestern ({day})?</translation>
    </message>
    <message>
        <source>ddd dd MMM yyyy</source>
        <translation>ddd, d. MMM yyyy</translation>
    </message>
    <message>
        <source>Edit the check-in of {day}</source>
        <translation>Check-in vom {day} bearbeiten</translation>
    </message>
    <message>
        <source>How was {day}?</source>
        <translation>Wie war {day}?</translation>
    </message>
    <message>
        <source>Update check-in</source>
        <translation>Check-in aktualisieren</translation>
    </message>
    <message>
        <source>focus sessions</source>
        <translation>Fokus-Sitzungen</translation>
    </message>
    <message>
        <source>your calendar</source>
        <translation>deinem Kalender</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Typed value used. {link}Use {origin} ({time}){end}</source>
        <translation>Eingegebener Wert verwendet. {link}Wert aus {origin} verwenden ({time}){end}</translation>
    </message>
    <message>
        <source>From {origin}: {time}</source>
        <translation>Aus {origin}: {time}</translation>
    </message>
</context>
<context>
    <name>Companion</name>
    <message>
        <source>Focus session</source>
        <translation>Fokus-Sitzung</translation>
    </message>
    <message>
        <source>Still opening your data: try again in a moment.</source>
        <translation>Deine Daten werden noch geöffnet: versuche es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Not added: {reasons}.</source>
        <translation>Nicht hinzugefügt: {reasons}.</translation>
    </message>
    <message>
        <source>Not added: {error}.</source>
        <translation>Nicht hinzugefügt: {error}.</translation>
    </message>
    <message>
        <source>A focus session started at {started} was still running when FocusApp last ran ({seen}). Is it still running?</source>
        <translation>Eine Fokus-Sitzung, begonnen am {started}, lief noch, als FocusApp zuletzt lief ({seen}). Läuft sie noch?</translation>
    </message>
    <message>
        <source>ddd HH:mm</source>
        <translation>ddd, HH:mm</translation>
    </message>
    <message>
        <source>Still running</source>
        <translation>Läuft noch</translation>
    </message>
    <message>
        <source>It ended at {time}</source>
        <translation>Sie endete um {time}</translation>
    </message>
    <message>
        <source>FocusApp checked your data</source>
        <translation>FocusApp hat deine Daten geprüft</translation>
    </message>
    <message>
        <source>focusapp {command} ended with status {code}</source>
        <extracomment>How long quitting waits for a write still under way: it is let finish, never killed.</extracomment>
        <translation>focusapp {command} endete mit Status {code}</translation>
    </message>
    <message>
        <source>{program} could not be started</source>
        <translation>{program} konnte nicht gestartet werden</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>2 weeks</source>
        <translation>2 Wochen</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3 Monate</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 Jahr</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>rising</source>
        <extracomment>The trend words (the arrows are the theme&apos;s).</extracomment>
        <translation>steigend</translation>
    </message>
    <message>
        <source>easing</source>
        <translation>sinkend</translation>
    </message>
    <message>
        <source>steady</source>
        <translation>gleichbleibend</translation>
    </message>
    <message>
        <source>No signal yet</source>
        <translation>Noch kein Signal</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>vorläufig</translation>
    </message>
    <message>
        <source>no hours logged</source>
        <translation>keine Stunden erfasst</translation>
    </message>
    <message>
        <source>{hours:.1f} h</source>
        <translation>{hours:.1f} h</translation>
    </message>
    <message>
        <source>No check-in on this day.</source>
        <translation>Kein Check-in an diesem Tag.</translation>
    </message>
    <message>
        <source>Energy {value}</source>
        <translation>Energie {value}</translation>
    </message>
    <message>
        <source>coding {value}</source>
        <translation>Coding {value}</translation>
    </message>
    <message>
        <source>meetings {value}</source>
        <translation>Meetings {value}</translation>
    </message>
    <message>
        <source>sleep {hours:g} h</source>
        <translation>Schlaf {hours:g} h</translation>
    </message>
    <message>
        <source>stress {stress}/5</source>
        <translation>Stress {stress}/5</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Show {range}</source>
        <translation>{range} anzeigen</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Welcome to FocusApp&lt;/h3&gt;&lt;p&gt;Each day, take 20 seconds to note your energy, your coding or deep-work time and your meeting time: start with today&apos;s check-in on the left. Everything stays on this computer.&lt;/p&gt;&lt;p&gt;After your first check-in your charts appear here. From the third check-in you also see a burnout-risk signal, and after two to three weeks it compares each week with your usual.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Willkommen bei FocusApp&lt;/h3&gt;&lt;p&gt;Nimm dir jeden Tag 20 Sekunden, um deine Energie, deine Coding- oder Fokusarbeitszeit und deine Meeting-Zeit festzuhalten: beginne links mit dem heutigen Check-in. Alles bleibt auf diesem Computer.&lt;/p&gt;&lt;p&gt;Nach deinem ersten Check-in erscheinen hier deine Diagramme. Ab dem dritten Check-in siehst du auch ein Burnout-Risiko-Signal, und nach zwei bis drei Wochen vergleicht es jede Woche mit deinem Üblichen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Get help</source>
        <translation>Hilfe finden</translation>
    </message>
    <message>
        <source>Charts not available: {error}</source>
        <translation>Diagramme nicht verfügbar: {error}</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <source>Charts not updated: {error}</source>
        <translation>Diagramme nicht aktualisiert: {error}</translation>
    </message>
</context>
<context>
    <name>DashboardHeader</name>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>Coding</source>
        <translation>Coding</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Burnout-risk signal</source>
        <translation>Burnout-Risiko-Signal</translation>
    </message>
    <message>
        <source>Today, {day}</source>
        <translation>Heute, {day}</translation>
    </message>
    <message>
        <source>ddd dd MMM</source>
        <translation>ddd, d. MMM</translation>
    </message>
    <message numerus="yes">
        <source>Not yet (%n more check-ins)</source>
        <translation>
            <numerusform>Noch nicht (noch %n Check-in)</numerusform>
            <numerusform>Noch nicht (noch %n Check-ins)</numerusform>
        </translation>
    </message>
    <message>
        <source>Burnout-risk signal today: {signal}</source>
        <translation>Burnout-Risiko-Signal heute: {signal}</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>Mon</source>
        <translation>Mo.</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Di.</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mi.</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Do.</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fr.</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sa.</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>So.</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>Jan.</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>Feb.</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>März</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>Apr.</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>Juni</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>Juli</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>Aug.</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>Sep.</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>Okt.</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>Nov.</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>Dez.</translation>
    </message>
    <message>
        <source>{weekday} {day} {month} {year}</source>
        <translation>{weekday} {day}. {month} {year}</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} bis {last}</translation>
    </message>
    <message>
        <source>FocusApp charts, {days}</source>
        <translation>FocusApp-Diagramme, {days}</translation>
    </message>
</context>
<context>
    <name>DayDetail</name>
    <message>
        <source>dddd d MMMM yyyy</source>
        <translation>dddd, d. MMMM yyyy</translation>
    </message>
    <message>
        <source>Last 7 days: {hours} of work</source>
        <translation>Letzte 7 Tage: {hours} Arbeit</translation>
    </message>
    <message>
        <source>meetings {share:.0%} of work time</source>
        <translation>Meetings {share:.0%} der Arbeitszeit</translation>
    </message>
    <message numerus="yes">
        <source>%n or more work days in a row</source>
        <translation>
            <numerusform>%n oder mehr Arbeitstage am Stück</numerusform>
            <numerusform>%n oder mehr Arbeitstage am Stück</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n work days in a row</source>
        <translation>
            <numerusform>%n Arbeitstag am Stück</numerusform>
            <numerusform>%n Arbeitstage am Stück</numerusform>
        </translation>
    </message>
    <message>
        <source>Burnout-risk signal: {signal}</source>
        <translation>Burnout-Risiko-Signal: {signal}</translation>
    </message>
    <message>
        <source>{factor}: {points:.1f} points. {why}</source>
        <translation>{factor}: {points:.1f} Punkte. {why}</translation>
    </message>
</context>
<context>
    <name>DayEdit</name>
    <message>
        <source>Day</source>
        <extracomment>The day field&apos;s format: digits for the day, the month by name (no day/month order to guess), the full year; the weekday is in the form&apos;s title instead of an editable section.</extracomment>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Type the day or use Up/Down; Ctrl+[ and Ctrl+] step a day</source>
        <translation>Tag eingeben oder Auf/Ab verwenden; Strg+[ und Strg+] gehen einen Tag weiter</translation>
    </message>
</context>
<context>
    <name>DayEditor</name>
    <message>
        <source>Could not read your data: {error}</source>
        <translation>Deine Daten konnten nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>Opening your data: saving in a moment.</source>
        <translation>Deine Daten werden geöffnet: gleich wird gespeichert.</translation>
    </message>
    <message>
        <source>Not saved: {error}. What you typed is kept.</source>
        <translation>Nicht gespeichert: {error}. Deine Eingaben bleiben erhalten.</translation>
    </message>
    <message>
        <source>Check-in not saved</source>
        <translation>Check-in nicht gespeichert</translation>
    </message>
    <message>
        <source>Not saved: {error}.</source>
        <translation>Nicht gespeichert: {error}.</translation>
    </message>
    <message>
        <source>Delete check-in</source>
        <translation>Check-in löschen</translation>
    </message>
    <message>
        <source>Delete the check-in for {day}? This cannot be undone.</source>
        <translation>Den Check-in vom {day} löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>dddd dd MMMM yyyy</source>
        <translation>dddd, d. MMMM yyyy</translation>
    </message>
    <message>
        <source>Check-in for {day} deleted.</source>
        <translation>Check-in vom {day} gelöscht.</translation>
    </message>
    <message>
        <source>dddd dd MMMM</source>
        <translation>dddd, d. MMMM</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Nicht gelöscht</translation>
    </message>
    <message>
        <source>Not deleted: {error}.</source>
        <translation>Nicht gelöscht: {error}.</translation>
    </message>
</context>
<context>
    <name>Energy</name>
    <message>
        <source>Drained</source>
        <translation>Erschöpft</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Schwach</translation>
    </message>
    <message>
        <source>Okay</source>
        <translation>Okay</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Energised</source>
        <translation>Voller Energie</translation>
    </message>
</context>
<context>
    <name>EnergyButton</name>
    <message>
        <source>Energy {value}: {label}</source>
        <translation>Energie {value}: {label}</translation>
    </message>
    <message>
        <source>Energy {value}: {label} (key {value}; arrow keys move)</source>
        <translation>Energie {value}: {label} (Taste {value}; Pfeiltasten wechseln)</translation>
    </message>
</context>
<context>
    <name>EnergyChart</name>
    <message>
        <source>&lt;b&gt;Energy&lt;/b&gt; &amp;nbsp; {dot} daily &amp;nbsp; {line} 7-day mean &amp;nbsp; {dashed} your usual</source>
        <extracomment>The charts&apos; titles, with their legends&apos; swatches as ``{fields}`` (see ``set_legend``).</extracomment>
        <translation>&lt;b&gt;Energie&lt;/b&gt; &amp;nbsp; {dot} täglich &amp;nbsp; {line} 7-Tage-Mittel &amp;nbsp; {dashed} dein Üblicher</translation>
    </message>
</context>
<context>
    <name>EnergyPicker</name>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
</context>
<context>
    <name>ExclusionButtons</name>
    <message>
        <source>Don&apos;t count this event</source>
        <translation>Diesen Termin nicht zählen</translation>
    </message>
    <message>
        <source>Don&apos;t count the series</source>
        <translation>Die Serie nicht zählen</translation>
    </message>
    <message>
        <source>Count it again</source>
        <translation>Wieder zählen</translation>
    </message>
    <message>
        <source>Leave this event out of the day&apos;s meeting time, also after re-imports</source>
        <translation>Diesen Termin aus der Meeting-Zeit des Tages herausnehmen, auch nach erneutem Import</translation>
    </message>
    <message>
        <source>Leave every occurrence of this event out, also after re-imports</source>
        <translation>Jedes Vorkommen dieses Termins herausnehmen, auch nach erneutem Import</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Nicht geändert</translation>
    </message>
    <message>
        <source>Not changed: {error}</source>
        <translation>Nicht geändert: {error}</translation>
    </message>
</context>
<context>
    <name>FocusIndicator</name>
    <message>
        <source>Focus session since {time}: {elapsed}</source>
        <extracomment>Waking a few milliseconds after the second turns keeps the display from lagging a second.</extracomment>
        <translation>Fokus-Sitzung seit {time}: {elapsed}</translation>
    </message>
    <message>
        <source>{text}, time for a break</source>
        <translation>{text}, Zeit für eine Pause</translation>
    </message>
    <message>
        <source>{text}, break in {minutes} min</source>
        <translation>{text}, Pause in {minutes} Min.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Stop focus session</source>
        <translation>Fokus-Sitzung beenden</translation>
    </message>
    <message>
        <source>Stop the focus session; its time counts as coding</source>
        <translation>Die Fokus-Sitzung beenden; ihre Zeit zählt als Coding</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>If you are struggling to cope or having thoughts of harming yourself, contact local emergency services or a crisis line now (US: call or text 988; UK &amp; Ireland: Samaritans 116 123; other countries: findahelpline.com).</source>
        <translation>Wenn du nicht mehr zurechtkommst oder daran denkst, dir etwas anzutun, wende dich jetzt an den örtlichen Notruf oder eine Krisenhotline (USA: Anruf oder SMS an 988; Vereinigtes Königreich &amp; Irland: Samaritans 116 123; andere Länder: findahelpline.com).</translation>
    </message>
    <message>
        <source>Exhaustion</source>
        <translation>Erschöpfung</translation>
    </message>
    <message>
        <source>Meeting load</source>
        <translation>Meeting-Last</translation>
    </message>
    <message>
        <source>Work volume</source>
        <translation>Arbeitsumfang</translation>
    </message>
    <message>
        <source>Deep work</source>
        <translation>Fokusarbeit</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Erholung</translation>
    </message>
    <message>
        <source>low energy on work days, against fixed anchors and your usual</source>
        <translation>niedrige Energie an Arbeitstagen, gemessen an festen Ankern und deinem Üblichen</translation>
    </message>
    <message>
        <source>meeting hours per work day and the meeting share of work time</source>
        <translation>Meeting-Stunden pro Arbeitstag und der Meeting-Anteil an der Arbeitszeit</translation>
    </message>
    <message>
        <source>hours per week and per work day, against 55 h and 11 h anchors</source>
        <translation>Stunden pro Woche und pro Arbeitstag, gemessen an Ankern von 55 h und 11 h</translation>
    </message>
    <message>
        <source>a drop in coding or deep-work time, or fragmented calendar days</source>
        <translation>ein Rückgang der Coding- oder Fokusarbeitszeit oder zerstückelte Kalendertage</translation>
    </message>
    <message>
        <source>days worked in a row without a rest day, and short sleep</source>
        <translation>Arbeitstage am Stück ohne Ruhetag und kurzer Schlaf</translation>
    </message>
    <message>
        <source>&lt;b&gt;{factor}&lt;/b&gt; (up to {points:g} points): {hint}</source>
        <translation>&lt;b&gt;{factor}&lt;/b&gt; (bis zu {points:g} Punkte): {hint}</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Getting help&lt;/h3&gt;&lt;p&gt;You do not need a high score to ask for help. Your doctor, a mental-health professional or your employee assistance programme (EAP) can help with exhaustion, stress or feeling unable to cope.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Hilfe finden&lt;/h3&gt;&lt;p&gt;Du brauchst keinen hohen Wert, um um Hilfe zu bitten. Deine Ärztin oder dein Arzt, eine psychotherapeutische Fachkraft oder das Mitarbeiterberatungsprogramm deines Arbeitgebers (EAP) können bei Erschöpfung, Stress oder dem Gefühl, nicht mehr zurechtzukommen, helfen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;How the signal is built&lt;/h3&gt;&lt;p&gt;The score (0–100) is the sum of five factors&apos; points, each shown with the sentence that explains it in the dashboard&apos;s day panel:&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Wie das Signal entsteht&lt;/h3&gt;&lt;p&gt;Der Wert (0–100) ist die Summe der Punkte aus fünf Faktoren, jeder in der Tagesansicht des Dashboards mit dem Satz gezeigt, der ihn erklärt:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Bands: 0–24 low, 25–49 moderate, 50–74 high, 75–100 very high. They are heuristic, not clinically validated. A dashed line means the score is provisional (your usual level is not known yet, or check-ins were sparse).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Stufen: 0–24 niedrig, 25–49 mäßig, 50–74 hoch, 75–100 sehr hoch. Sie sind heuristisch, nicht klinisch validiert. Eine gestrichelte Linie bedeutet, dass der Wert vorläufig ist (dein übliches Niveau ist noch nicht bekannt, oder es gab nur wenige Check-ins).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Get help</source>
        <translation>Hilfe finden</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>Coding</source>
        <translation>Coding</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Sleep</source>
        <translation>Schlaf</translation>
    </message>
    <message>
        <source>Stress</source>
        <translation>Stress</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>History of check-ins</source>
        <extracomment>How many rows the column widths are measured on (the visible ones count too).</extracomment>
        <translation>Verlauf der Check-ins</translation>
    </message>
</context>
<context>
    <name>HoursChart</name>
    <message>
        <source>&lt;b&gt;Hours in the last 7 days&lt;/b&gt; &amp;nbsp; {line} logged work &amp;nbsp; {dashed} {hours} h a week</source>
        <translation>&lt;b&gt;Stunden der letzten 7 Tage&lt;/b&gt; &amp;nbsp; {line} erfasste Arbeit &amp;nbsp; {dashed} {hours} h pro Woche</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>line {line}</source>
        <translation>Zeile {line}</translation>
    </message>
    <message>
        <source>day {index}</source>
        <extracomment>{index} counts the entries of the file&apos;s &quot;days&quot; list from 0.</extracomment>
        <translation>Tag {index}</translation>
    </message>
    <message>
        <source>{value} is not a number of minutes</source>
        <translation>{value} ist keine Minutenzahl</translation>
    </message>
    <message>
        <source>{value} is not a whole number</source>
        <extracomment>Said of a column of whole numbers (energy, stress, meeting counts).</extracomment>
        <translation>{value} ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>{value} is too large to be a number of minutes</source>
        <translation>{value} ist zu groß für eine Minutenzahl</translation>
    </message>
    <message>
        <source>{value} is too large to be a whole number</source>
        <translation>{value} ist zu groß für eine ganze Zahl</translation>
    </message>
    <message>
        <source>a {digits}-digit number</source>
        <extracomment>Stands for a number too long to quote, in place of the value (&quot;a 20-digit number&quot;).</extracomment>
        <translation>eine {digits}-stellige Zahl</translation>
    </message>
    <message>
        <source>{number} is too large for {field}</source>
        <translation>{number} ist zu groß für {field}</translation>
    </message>
    <message>
        <source>must be text, got {value}</source>
        <extracomment>The note of a JSON day is a number, a list or another value that is not text.</extracomment>
        <translation>muss Text sein, ist aber {value}</translation>
    </message>
    <message>
        <source>must be a number, got {value}</source>
        <translation>muss eine Zahl sein, ist aber {value}</translation>
    </message>
    <message>
        <source>{value} is not a number of hours</source>
        <extracomment>Said of sleep_hours, which takes 7.5, 7h30 or 7:30.</extracomment>
        <translation>{value} ist keine Stundenzahl</translation>
    </message>
    <message>
        <source>{value} is too long to be a duration</source>
        <translation>{value} ist zu lang für eine Dauer</translation>
    </message>
    <message>
        <source>{value} is not a date; use YYYY-MM-DD</source>
        <extracomment>YYYY-MM-DD is the form to write, which stays as written.</extracomment>
        <translation>{value} ist kein Datum; erlaubt ist YYYY-MM-DD</translation>
    </message>
    <message>
        <source>{day} appears again (first at {first})</source>
        <extracomment>{first} is where the day stood first (&quot;line 3&quot; or &quot;day 0&quot;).</extracomment>
        <translation>{day} kommt noch einmal vor (zuerst in {first})</translation>
    </message>
    <message>
        <source>more cells than header columns</source>
        <translation>mehr Zellen als Spalten in der Kopfzeile</translation>
    </message>
    <message>
        <source>expected an object with a date</source>
        <translation>erwartet wird ein Objekt mit einem Datum</translation>
    </message>
    <message>
        <source>unknown field(s) {fields}</source>
        <extracomment>{fields} lists the names the JSON day has, which stay as written.</extracomment>
        <translation>unbekannte(s) Feld(er) {fields}</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (bad byte at offset {offset})</source>
        <translation>die Datei ist kein UTF-8-Text (ungültiges Byte an Position {offset})</translation>
    </message>
    <message>
        <source>a quoted cell is never closed (a &quot; is missing)</source>
        <translation>eine Zelle in Anführungszeichen wird nie geschlossen (ein &quot; fehlt)</translation>
    </message>
    <message>
        <source>{where}: header: {problems}</source>
        <extracomment>{problems} lists what is wrong with the first line of a CSV file, separated by &quot;; &quot;.</extracomment>
        <translation>{where}: Kopfzeile: {problems}</translation>
    </message>
    <message>
        <source>missing column(s) {columns}</source>
        <extracomment>{columns} lists column names, which stay as written.</extracomment>
        <translation>fehlende Spalte(n) {columns}</translation>
    </message>
    <message>
        <source>unknown column(s) {columns}</source>
        <translation>unbekannte Spalte(n) {columns}</translation>
    </message>
    <message>
        <source>a column appears twice</source>
        <translation>eine Spalte kommt doppelt vor</translation>
    </message>
    <message>
        <source>the CSV file is empty; it needs a header row</source>
        <extracomment>A CSV file without even the header row (date,energy,...).</extracomment>
        <translation>die CSV-Datei ist leer; sie braucht eine Kopfzeile</translation>
    </message>
    <message>
        <source>not valid JSON ({message} at line {line})</source>
        <extracomment>{message} is the JSON reader&apos;s own (English) description of the mistake.</extracomment>
        <translation>kein gültiges JSON ({message} in Zeile {line})</translation>
    </message>
    <message>
        <source>too deeply nested</source>
        <translation>zu tief verschachtelt</translation>
    </message>
    <message>
        <source>unsupported schema {schema}; this FocusApp reads {version}</source>
        <translation>nicht unterstütztes Schema {schema}; dieses FocusApp liest {version}</translation>
    </message>
    <message>
        <source>expected {shape}</source>
        <extracomment>{shape} is the outline of a JSON export, which stays as written.</extracomment>
        <translation>erwartet wird {shape}</translation>
    </message>
    <message>
        <source>the file is larger than {megabytes} MB</source>
        <translation>die Datei ist größer als {megabytes} MB</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Nothing to import</source>
        <translation>Nichts zu importieren</translation>
    </message>
    <message>
        <source>Every day in {name} is already stored with the same values.</source>
        <translation>Jeder Tag in {name} ist bereits mit denselben Werten gespeichert.</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> und {count} weitere</translation>
    </message>
    <message>
        <source>Import check-ins</source>
        <translation>Check-ins importieren</translation>
    </message>
    <message>
        <source>{different} days in {name} differ from what is stored.</source>
        <translation>{different} Tage in {name} weichen vom Gespeicherten ab.</translation>
    </message>
    <message>
        <source>New days: {new}. Already the same: {same}. Different: {shown}.

Use the file&apos;s values for the days that differ (a backup is made first), or keep what is stored and add only the new days?</source>
        <translation>Neue Tage: {new}. Bereits gleich: {same}. Abweichend: {shown}.

Für die abweichenden Tage die Werte der Datei verwenden (vorher wird gesichert) oder das Gespeicherte behalten und nur die neuen Tage hinzufügen?</translation>
    </message>
    <message>
        <source>Use the file&apos;s values</source>
        <translation>Werte der Datei verwenden</translation>
    </message>
    <message>
        <source>Keep what is stored</source>
        <translation>Gespeichertes behalten</translation>
    </message>
    <message>
        <source>Imported {written} days from {name} ({same} already the same).</source>
        <translation>{written} Tage aus {name} importiert ({same} bereits gleich).</translation>
    </message>
</context>
<context>
    <name>InsightsView</name>
    <message>
        <source>&lt;b&gt;Insights&lt;/b&gt;: five questions about your energy, answered from your own check-ins of the last {weeks} weeks.</source>
        <extracomment>The interval bar spans this many energy points either side of zero.</extracomment>
        <translation>&lt;b&gt;Erkenntnisse&lt;/b&gt;: fünf Fragen zu deiner Energie, beantwortet aus deinen eigenen Check-ins der letzten {weeks} Wochen.</translation>
    </message>
    <message>
        <source>How to read this: each interval is a {level:.0f} % interval from a bootstrap that resamples whole weeks (days of one week are not independent), widened because {count} questions are asked at once. An answer is called clear only when its interval does not include zero. A clear answer is a pattern in your data, not proof of cause. The bar shows the interval: left of the line is lower energy.</source>
        <translation>So liest du das: Jedes Intervall ist ein {level:.0f}-%-Intervall aus einem Bootstrap, der ganze Wochen neu zieht (die Tage einer Woche sind nicht unabhängig), verbreitert, weil {count} Fragen zugleich gestellt werden. Eine Antwort gilt nur dann als klar, wenn ihr Intervall die Null nicht enthält. Eine klare Antwort ist ein Muster in deinen Daten, kein Beweis für eine Ursache. Der Balken zeigt das Intervall: links der Linie ist niedrigere Energie.</translation>
    </message>
    <message>
        <source>Not enough data yet</source>
        <translation>Noch nicht genug Daten</translation>
    </message>
    <message>
        <source>Clear difference</source>
        <translation>Klarer Unterschied</translation>
    </message>
    <message>
        <source>No clear difference yet</source>
        <translation>Noch kein klarer Unterschied</translation>
    </message>
    <message>
        <source>Interval of the difference</source>
        <translation>Intervall des Unterschieds</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>FocusApp cannot start</source>
        <translation>FocusApp kann nicht starten</translation>
    </message>
</context>
<context>
    <name>Level</name>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Mäßig</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Very high</source>
        <translation>Sehr hoch</translation>
    </message>
</context>
<context>
    <name>Lookahead</name>
    <message>
        <source>measured (up to today)</source>
        <translation>gemessen (bis heute)</translation>
    </message>
    <message>
        <source>Burnout-risk signal</source>
        <translation>Burnout-Risiko-Signal</translation>
    </message>
    <message>
        <source>projection (not a measurement)</source>
        <translation>Hochrechnung (keine Messung)</translation>
    </message>
    <message>
        <source>Booked meetings, hours (forecast)</source>
        <translation>Gebuchte Meetings, Stunden (Prognose)</translation>
    </message>
    <message>
        <source>a 2-hour focus block is left</source>
        <translation>ein 2-Stunden-Fokusblock bleibt frei</translation>
    </message>
    <message>
        <source>ddd dd MMM</source>
        <extracomment>A shortened meeting is never proposed shorter than this.</extracomment>
        <translation>ddd, d. MMM</translation>
    </message>
    <message>
        <source>Day (forecast)</source>
        <translation>Tag (Prognose)</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Back-to-back</source>
        <translation>Direkt hintereinander</translation>
    </message>
    <message>
        <source>Longest free block</source>
        <translation>Längster freier Block</translation>
    </message>
    <message>
        <source>Outside work hours</source>
        <translation>Außerhalb der Arbeitszeit</translation>
    </message>
    <message>
        <source>2-h focus block</source>
        <translation>2-h-Fokusblock</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Skip</source>
        <extracomment>The choices in the order the &quot;What if&quot; box lists them.</extracomment>
        <translation>Ausfallen lassen</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Absagen</translation>
    </message>
    <message>
        <source>Delegate</source>
        <translation>Delegieren</translation>
    </message>
    <message>
        <source>Shorten</source>
        <translation>Kürzen</translation>
    </message>
    <message>
        <source>Try</source>
        <translation>Probieren</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>What if</source>
        <translation>Was wäre, wenn</translation>
    </message>
    <message>
        <source>New length</source>
        <translation>Neue Länge</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>Focus cost</source>
        <translation>Fokus-Kosten</translation>
    </message>
    <message>
        <source>Try changing {series}</source>
        <translation>Änderung an {series} ausprobieren</translation>
    </message>
    <message>
        <source>forecast: not yet (no score for a day that has not happened)</source>
        <translation>Prognose: noch nicht (kein Wert für einen Tag, der noch nicht stattgefunden hat)</translation>
    </message>
    <message>
        <source>forecast / not yet</source>
        <translation>Prognose / noch nicht</translation>
    </message>
    <message>
        <source>Days after {today} are {marker}: booked, not lived.</source>
        <translation>Tage nach {today} sind {marker}: gebucht, nicht gelebt.</translation>
    </message>
    <message>
        <source>Projection</source>
        <translation>Hochrechnung</translation>
    </message>
    <message>
        <source>A projection, not a measurement: it assumes your energy stays at {energy}/5 and your coding time at {coding} a day, as in the {days} days you logged in the last 4 weeks, with meetings as booked in your calendar.</source>
        <translation>Eine Hochrechnung, keine Messung: Sie nimmt an, dass deine Energie bei {energy}/5 und deine Coding-Zeit bei {coding} pro Tag bleibt, wie an den {days} Tagen, die du in den letzten 4 Wochen erfasst hast, mit Meetings wie in deinem Kalender gebucht.</translation>
    </message>
    <message>
        <source>The coming week has {booked} of meetings booked and {focus} days with a 2-hour focus block. There is no logged week yet to compare it with.</source>
        <translation>In der kommenden Woche sind {booked} Meetings gebucht, und {focus} Tage haben einen 2-Stunden-Fokusblock. Es gibt noch keine erfasste Woche zum Vergleich.</translation>
    </message>
    <message>
        <source>The coming week has {booked} of meetings booked, against {usual} in your usual week (mean of {weeks} logged weeks), and {focus} days with a 2-hour focus block.</source>
        <translation>In der kommenden Woche sind {booked} Meetings gebucht, gegenüber {usual} in deiner üblichen Woche (Mittel aus {weeks} erfassten Wochen), und {focus} Tage haben einen 2-Stunden-Fokusblock.</translation>
    </message>
    <message>
        <source>No projection yet: it needs check-ins with energy in the last 4 weeks and a calendar booked ahead.</source>
        <translation>Noch keine Hochrechnung: Sie braucht Check-ins mit Energie aus den letzten 4 Wochen und einen im Voraus gebuchten Kalender.</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <source>On days after meeting-heavy days</source>
        <translation>An Tagen nach meetingreichen Tagen</translation>
    </message>
    <message>
        <source>On days after {hours}+ of meetings</source>
        <translation>An Tagen nach {hours}+ Meetings</translation>
    </message>
    <message>
        <source>On days with a 2-hour focus block</source>
        <translation>An Tagen mit einem 2-Stunden-Fokusblock</translation>
    </message>
    <message>
        <source>After a night under 7 h of sleep</source>
        <translation>Nach einer Nacht mit weniger als 7 h Schlaf</translation>
    </message>
    <message>
        <source>On days with 3 or more back-to-back meetings</source>
        <translation>An Tagen mit 3 oder mehr Meetings direkt hintereinander</translation>
    </message>
    <message>
        <source>On {weekday}s</source>
        <translation>An {weekday}en</translation>
    </message>
    <message>
        <source>{subject}: not enough data yet. This needs at least 8 days on each side over 6 weeks (now {n_with} vs {n_without} days).</source>
        <translation>{subject}: noch nicht genug Daten. Nötig sind mindestens 8 Tage auf jeder Seite über 6 Wochen (jetzt {n_with} gegenüber {n_without} Tagen).</translation>
    </message>
    <message>
        <source>{subject} your energy averaged {with_:.1f}, and {without:.1f} on other days ({n_with} vs {n_without} days). The data does not show a difference yet.</source>
        <translation>{subject} lag deine Energie im Mittel bei {with_:.1f}, an anderen Tagen bei {without:.1f} ({n_with} gegenüber {n_without} Tagen). Die Daten zeigen noch keinen Unterschied.</translation>
    </message>
    <message>
        <source>{subject} your energy averaged {with_:.1f}, {size:.1f} lower than other days (interval {lo:.1f} to {hi:.1f}; {n_with} vs {n_without} days). {caution}</source>
        <translation>{subject} lag deine Energie im Mittel bei {with_:.1f}, {size:.1f} niedriger als an anderen Tagen (Intervall {lo:.1f} bis {hi:.1f}; {n_with} gegenüber {n_without} Tagen). {caution}</translation>
    </message>
    <message>
        <source>{subject} your energy averaged {with_:.1f}, {size:.1f} higher than other days (interval {lo:.1f} to {hi:.1f}; {n_with} vs {n_without} days). {caution}</source>
        <translation>{subject} lag deine Energie im Mittel bei {with_:.1f}, {size:.1f} höher als an anderen Tagen (Intervall {lo:.1f} bis {hi:.1f}; {n_with} gegenüber {n_without} Tagen). {caution}</translation>
    </message>
    <message>
        <source>This is a pattern in your data, not proof of cause.</source>
        <translation>Das ist ein Muster in deinen Daten, kein Beweis für eine Ursache.</translation>
    </message>
    <message>
        <source>Your deep-work time fell this week. Consider booking one 2-hour focus block on a quiet day next week and keeping it like a meeting.</source>
        <translation>Deine Fokusarbeitszeit ist diese Woche gesunken. Überlege, nächste Woche an einem ruhigen Tag einen 2-Stunden-Fokusblock zu buchen und ihn wie ein Meeting einzuhalten.</translation>
    </message>
    <message>
        <source>Meetings took more of your week than usual. Look at your heaviest series ({series}): you don&apos;t have to be there if it&apos;s not a significant value add, and you can try skipping, delegating or shortening it first with focusapp forecast.</source>
        <translation>Meetings haben mehr von deiner Woche eingenommen als üblich. Sieh dir deine aufwendigste Serie an ({series}): Du musst nicht dabei sein, wenn sie keinen wesentlichen Mehrwert bringt, und du kannst Ausfallenlassen, Delegieren oder Kürzen zuerst mit focusapp forecast ausprobieren.</translation>
    </message>
    <message>
        <source>your largest meeting</source>
        <translation>dein größtes Meeting</translation>
    </message>
    <message>
        <source>Your energy was lower than usual this week. If you can, plan a recovery day or an evening fully off soon.</source>
        <translation>Deine Energie war diese Woche niedriger als üblich. Plane, wenn möglich, bald einen Erholungstag oder einen ganz freien Abend.</translation>
    </message>
    <message>
        <source>Your energy was lower than usual while your signal is high. It may help to talk with your manager about priorities and workload, and to plan real time off.</source>
        <translation>Deine Energie war niedriger als üblich, während dein Signal hoch ist. Es kann helfen, mit deiner Führungskraft über Prioritäten und Arbeitslast zu sprechen und echte freie Zeit zu planen.</translation>
    </message>
    <message>
        <source>This week looked much like your usual one. Keep protecting what works: rest days, focus time and sleep.</source>
        <translation>Diese Woche sah aus wie eine übliche. Schütze weiter, was funktioniert: Ruhetage, Fokuszeit und Schlaf.</translation>
    </message>
</context>
<context>
    <name>LookaheadWindow</name>
    <message>
        <source>FocusApp: look ahead and back</source>
        <translation>FocusApp: Vorschau und Rückblick</translation>
    </message>
    <message>
        <source>&amp;Next weeks</source>
        <translation>&amp;Nächste Wochen</translation>
    </message>
    <message>
        <source>Weekly &amp;review</source>
        <translation>&amp;Wochenrückblick</translation>
    </message>
    <message>
        <source>&amp;Insights</source>
        <translation>&amp;Erkenntnisse</translation>
    </message>
    <message>
        <source>Could not read your data: {problem}</source>
        <translation>Deine Daten konnten nicht gelesen werden: {problem}</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>&amp;Einstellungen...</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About FocusApp</source>
        <translation>&amp;Über FocusApp</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Tag</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Heute</translation>
    </message>
    <message>
        <source>&amp;Previous day</source>
        <translation>&amp;Vorheriger Tag</translation>
    </message>
    <message>
        <source>&amp;Next day</source>
        <translation>&amp;Nächster Tag</translation>
    </message>
    <message>
        <source>Go to &amp;history</source>
        <translation>Zum &amp;Verlauf</translation>
    </message>
    <message>
        <source>Start &amp;focus session</source>
        <translation>&amp;Fokus-Sitzung starten</translation>
    </message>
    <message>
        <source>&amp;Weeks</source>
        <translation>&amp;Wochen</translation>
    </message>
    <message>
        <source>&amp;Next weeks...</source>
        <translation>&amp;Nächste Wochen...</translation>
    </message>
    <message>
        <source>Weekly &amp;review...</source>
        <translation>&amp;Wochenrückblick...</translation>
    </message>
    <message>
        <source>&amp;Insights...</source>
        <translation>&amp;Erkenntnisse...</translation>
    </message>
    <message>
        <source>About FocusApp</source>
        <translation>Über FocusApp</translation>
    </message>
    <message>
        <source>&lt;b&gt;FocusApp {version}&lt;/b&gt;&lt;p&gt;A 20-second daily check-in of energy, coding and meeting time, for people whose calendars are being eaten by meetings.&lt;/p&gt;&lt;p&gt;Everything stays on this computer: FocusApp has no network code.&lt;/p&gt;</source>
        <translation>&lt;b&gt;FocusApp {version}&lt;/b&gt;&lt;p&gt;Ein täglicher 20-Sekunden-Check-in von Energie, Coding- und Meeting-Zeit, für Menschen, deren Kalender von Meetings aufgefressen werden.&lt;/p&gt;&lt;p&gt;Alles bleibt auf diesem Computer: FocusApp hat keinen Netzwerkcode.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>FocusApp</source>
        <extracomment>The window&apos;s one database worker (the dashboard and the look-ahead share it). The one change path (built by :meth:`attach`, on the check-ins&apos; change feed).</extracomment>
        <translation>FocusApp</translation>
    </message>
    <message>
        <source>Start &amp;focus session</source>
        <translation>&amp;Fokus-Sitzung starten</translation>
    </message>
    <message>
        <source>Stop &amp;focus session</source>
        <translation>&amp;Fokus-Sitzung beenden</translation>
    </message>
</context>
<context>
    <name>NextWeeksView</name>
    <message>
        <source> days</source>
        <extracomment>Rows of each table shown before it scrolls.</extracomment>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Days ahead</source>
        <translation>Tage voraus</translation>
    </message>
    <message>
        <source>&amp;Look ahead:</source>
        <translation>&amp;Vorausschau:</translation>
    </message>
    <message>
        <source>&amp;Clear plan</source>
        <translation>Plan &amp;leeren</translation>
    </message>
    <message>
        <source>Set every series back to as booked</source>
        <translation>Jede Serie wieder auf wie gebucht setzen</translation>
    </message>
    <message>
        <source>Forecast days</source>
        <translation>Prognosetage</translation>
    </message>
    <message>
        <source>Meeting series</source>
        <translation>Meeting-Serien</translation>
    </message>
    <message>
        <source>&lt;b&gt;What if?&lt;/b&gt; Tick a series to try skipping, declining, delegating or shortening it; every figure above follows. Nothing is sent or written to your calendar.</source>
        <translation>&lt;b&gt;Was wäre, wenn?&lt;/b&gt; Hake eine Serie an, um Ausfallenlassen, Absagen, Delegieren oder Kürzen auszuprobieren; jede Zahl oben folgt. Nichts wird gesendet oder in deinen Kalender geschrieben.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Next weeks&lt;/b&gt;: a forecast from your calendar, {first} to {last}</source>
        <translation>&lt;b&gt;Nächste Wochen&lt;/b&gt;: eine Prognose aus deinem Kalender, {first} bis {last}</translation>
    </message>
    <message>
        <source>No meetings are booked in these days. Add your calendar (File &gt; Add calendar...) to see your coming weeks.</source>
        <translation>In diesen Tagen sind keine Meetings gebucht. Füge deinen Kalender hinzu (Datei &gt; Kalender hinzufügen...), um deine kommenden Wochen zu sehen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{label} for {day}: {score} ({level})&lt;/b&gt;</source>
        <translation>&lt;b&gt;{label} für {day}: {score} ({level})&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Your plan changes {count} series and frees {hours:.1f} h of meetings in these days. It is kept on this computer only; clear it when you are done.</source>
        <translation>Dein Plan ändert {count} Serien und gibt in diesen Tagen {hours:.1f} h Meetings frei. Er bleibt nur auf diesem Computer; leere ihn, wenn du fertig bist.</translation>
    </message>
</context>
<context>
    <name>Notification</name>
    <message>
        <source>Check in</source>
        <extracomment>How long &quot;In 30 min&quot; holds the check-in reminder back. How long a reminder stays on screen (the daemon may keep it longer, in its history). The risk notification waits this long after start: the first data read, a calendar import or a sync may still change the numbers. ... and this long after the last write, so a backfill from the command line finishes before anything is said about the numbers it changes. The key of the &quot;FocusApp keeps running&quot; notice shown when the window first closes.</extracomment>
        <translation>Einchecken</translation>
    </message>
    <message>
        <source>In {minutes} min</source>
        <translation>In {minutes} Min.</translation>
    </message>
    <message>
        <source>Stop session</source>
        <translation>Sitzung beenden</translation>
    </message>
    <message>
        <source>Show me</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Open the review</source>
        <translation>Rückblick öffnen</translation>
    </message>
    <message>
        <source>Twenty seconds: how was your energy, and how much coding and meeting time?</source>
        <translation>Zwanzig Sekunden: Wie war deine Energie, und wie viel Coding- und Meeting-Zeit hattest du?</translation>
    </message>
    <message>
        <source>You have focused for {length}. Stand up, look away from the screen, drink some water.</source>
        <translation>Du hast {length} fokussiert gearbeitet. Steh auf, schau vom Bildschirm weg, trink etwas Wasser.</translation>
    </message>
    <message>
        <source>Meetings today: {minutes}, over your {budget} budget. If you can, keep a block free for focused work tomorrow.</source>
        <translation>Meetings heute: {minutes}, über deinem Budget von {budget}. Halte dir, wenn möglich, morgen einen Block für konzentrierte Arbeit frei.</translation>
    </message>
    <message>
        <source>Burnout-risk signal today: {signal}.</source>
        <translation>Burnout-Risiko-Signal heute: {signal}.</translation>
    </message>
    <message>
        <source>Your week against your usual one, with next week&apos;s booked meetings and one suggestion. A minute, and a line of reflection if you like.</source>
        <translation>Deine Woche im Vergleich zu einer üblichen, mit den gebuchten Meetings der nächsten Woche und einem Vorschlag. Eine Minute, und wenn du magst, eine Zeile zum Nachdenken.</translation>
    </message>
    <message>
        <source>It keeps your reminders and focus timer in the tray. Quit from the tray menu.</source>
        <translation>Erinnerungen und Fokus-Timer bleiben im Infobereich. Beenden über das Menü im Infobereich.</translation>
    </message>
    <message>
        <source>Your reminders will still arrive. Start FocusApp again to open the window; quit from its File menu.</source>
        <translation>Deine Erinnerungen kommen weiterhin. Starte FocusApp erneut, um das Fenster zu öffnen; beenden über das Menü Datei.</translation>
    </message>
    <message>
        <source>FocusApp is still running</source>
        <translation>FocusApp läuft weiter</translation>
    </message>
    <message>
        <source>Open FocusApp</source>
        <translation>FocusApp öffnen</translation>
    </message>
    <message>
        <source>Time for your check-in</source>
        <extracomment>The longest single wait. Qt timers run on the monotonic clock, which stops while the machine sleeps; capping the wait bounds how late a reminder can be if no wake signal arrives. One wake-up an hour is far from polling. Wait at least this long, so a reminder due &quot;now&quot; cannot spin the event loop.</extracomment>
        <translation>Zeit für deinen Check-in</translation>
    </message>
    <message>
        <source>Still time for today&apos;s check-in</source>
        <translation>Noch Zeit für den heutigen Check-in</translation>
    </message>
    <message>
        <source>Time for a short break</source>
        <translation>Zeit für eine kurze Pause</translation>
    </message>
    <message>
        <source>A meeting-heavy day</source>
        <translation>Ein meetingreicher Tag</translation>
    </message>
    <message>
        <source>Your burnout-risk signal</source>
        <translation>Dein Burnout-Risiko-Signal</translation>
    </message>
    <message>
        <source>Your week in review</source>
        <translation>Deine Woche im Rückblick</translation>
    </message>
</context>
<context>
    <name>OwnerDialog</name>
    <message>
        <source>Which address is yours?</source>
        <translation>Welche Adresse ist deine?</translation>
    </message>
    <message>
        <source>FocusApp leaves out meetings you declined, once it knows which address in this calendar is yours. Only the address you choose is kept.</source>
        <translation>FocusApp lässt von dir abgesagte Meetings weg, sobald es weiß, welche Adresse in diesem Kalender deine ist. Nur die gewählte Adresse wird gespeichert.</translation>
    </message>
    <message>
        <source>Addresses in this calendar</source>
        <translation>Adressen in diesem Kalender</translation>
    </message>
    <message>
        <source>{address} (the calendar&apos;s name; in {events} events)</source>
        <translation>{address} (Name des Kalenders; in {events} Terminen)</translation>
    </message>
    <message>
        <source>{address} (in 1 event)</source>
        <translation>{address} (in 1 Termin)</translation>
    </message>
    <message>
        <source>{address} (in {events} events)</source>
        <translation>{address} (in {events} Terminen)</translation>
    </message>
    <message>
        <source>This is me</source>
        <translation>Das bin ich</translation>
    </message>
    <message>
        <source>None of these</source>
        <translation>Keine davon</translation>
    </message>
</context>
<context>
    <name>Phrases</name>
    <message>
        <source>QUOTED_SENTENCE_CASE</source>
        <extracomment>Translate as keep where a sentence quoted after a colon keeps its capital letter (German: its nouns start with one); anything else lowers the first letter.</extracomment>
        <translation>keep</translation>
    </message>
</context>
<context>
    <name>RecentDays</name>
    <message>
        <source>&lt;b&gt;Welcome to FocusApp.&lt;/b&gt;&lt;br&gt;Each day, take 20 seconds to note your energy, your coding or deep-work time and your meeting time. Everything stays on this computer.</source>
        <extracomment>&quot;Recent days&quot; always shows at least this many rows; the charts above scroll instead.</extracomment>
        <translation>&lt;b&gt;Willkommen bei FocusApp.&lt;/b&gt;&lt;br&gt;Nimm dir jeden Tag 20 Sekunden, um deine Energie, deine Coding- oder Fokusarbeitszeit und deine Meeting-Zeit festzuhalten. Alles bleibt auf diesem Computer.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent days&lt;/b&gt;</source>
        <translation>&lt;b&gt;Letzte Tage&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Opening your check-ins...</source>
        <translation>Deine Check-ins werden geöffnet...</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Restoring the backup...</source>
        <translation>Die Sicherung wird wiederhergestellt...</translation>
    </message>
    <message>
        <source>Database from a newer FocusApp</source>
        <translation>Datenbank aus einem neueren FocusApp</translation>
    </message>
    <message>
        <source>Quit and install the newer FocusApp to keep using it, or set the file aside (unchanged) and start this FocusApp with an empty database, from which you can restore a backup.</source>
        <translation>Beende und installiere das neuere FocusApp, um sie weiter zu verwenden, oder lege die Datei (unverändert) beiseite und starte dieses FocusApp mit einer leeren Datenbank, in die du eine Sicherung wiederherstellen kannst.</translation>
    </message>
    <message>
        <source>Set it aside and start anew</source>
        <translation>Beiseitelegen und neu beginnen</translation>
    </message>
    <message>
        <source>FocusApp data deleted</source>
        <translation>FocusApp-Daten gelöscht</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>FocusApp recovered your data file</source>
        <translation>FocusApp hat deine Datendatei wiederhergestellt</translation>
    </message>
    <message>
        <source>FocusApp</source>
        <translation>FocusApp</translation>
    </message>
    <message>
        <source>&amp;Restore newest backup</source>
        <translation>Neueste Sicherung &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Choose backup...</source>
        <translation>Sicherung &amp;wählen...</translation>
    </message>
    <message>
        <source>Continue with an &amp;empty database</source>
        <translation>Mit &amp;leerer Datenbank fortfahren</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Fortfahren</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Previous week</source>
        <translation>Vorherige Woche</translation>
    </message>
    <message>
        <source>Previous week (Alt+Left)</source>
        <translation>Vorherige Woche (Alt+Links)</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Nächste Woche</translation>
    </message>
    <message>
        <source>Next week (Alt+Right)</source>
        <translation>Nächste Woche (Alt+Rechts)</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Deep work</source>
        <translation>Fokusarbeit</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>Days logged</source>
        <translation>Erfasste Tage</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Best and hardest day</source>
        <translation>Bester und schwerster Tag</translation>
    </message>
    <message>
        <source>Top meeting series</source>
        <translation>Größte Meeting-Serie</translation>
    </message>
    <message>
        <source>Booked next week</source>
        <translation>Nächste Woche gebucht</translation>
    </message>
    <message>
        <source>Your reflection on this week</source>
        <translation>Deine Reflexion über diese Woche</translation>
    </message>
    <message>
        <source>A few words for yourself: what helped, what to change next week.</source>
        <translation>Ein paar Worte für dich: was geholfen hat, was du nächste Woche ändern willst.</translation>
    </message>
    <message>
        <source>&amp;Reflection:</source>
        <translation>&amp;Reflexion:</translation>
    </message>
    <message>
        <source>&amp;Keep reflection</source>
        <translation>Reflexion &amp;behalten</translation>
    </message>
    <message>
        <source>&lt;b&gt;Week of {first} to {last}&lt;/b&gt;{running}</source>
        <translation>&lt;b&gt;Woche vom {first} bis {last}&lt;/b&gt;{running}</translation>
    </message>
    <message>
        <source> (still running: reviewed up to today)</source>
        <translation> (läuft noch: bis heute betrachtet)</translation>
    </message>
    <message>
        <source>No meetings in your calendar this week.</source>
        <translation>Keine Meetings in deinem Kalender diese Woche.</translation>
    </message>
    <message>
        <source>not known (no calendar)</source>
        <translation>unbekannt (kein Kalender)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Suggestion:&lt;/b&gt; {text}</source>
        <translation>&lt;b&gt;Vorschlag:&lt;/b&gt; {text}</translation>
    </message>
    <message>
        <source>{week}, usual {usual} (mean of {weeks} weeks)</source>
        <translation>{week}, üblich {usual} (Mittel aus {weeks} Wochen)</translation>
    </message>
    <message>
        <source>{week}, usual {usual}</source>
        <translation>{week}, üblich {usual}</translation>
    </message>
    <message>
        <source>no score yet</source>
        <translation>noch kein Wert</translation>
    </message>
    <message>
        <source>{start} on Monday, {end} at the end</source>
        <translation>{start} am Montag, {end} am Ende</translation>
    </message>
    <message>
        <source>no energy recorded this week</source>
        <translation>diese Woche keine Energie erfasst</translation>
    </message>
    <message>
        <source>best {best}, hardest {hardest}</source>
        <translation>bester {best}, schwerster {hardest}</translation>
    </message>
    <message>
        <source>{length} of {limit} characters</source>
        <translation>{length} von {limit} Zeichen</translation>
    </message>
    <message>
        <source>Too long to keep</source>
        <translation>Zu lang zum Behalten</translation>
    </message>
    <message>
        <source>Kept.</source>
        <translation>Behalten.</translation>
    </message>
</context>
<context>
    <name>Risk</name>
    <message>
        <source>This is a self-care signal based only on what you log. It is not a medical assessment and cannot diagnose burnout, depression or any other condition.</source>
        <translation>Dies ist ein Selbstfürsorge-Signal, das nur auf deinen Einträgen beruht. Es ist keine medizinische Beurteilung und kann weder Burnout noch Depression noch eine andere Erkrankung diagnostizieren.</translation>
    </message>
    <message>
        <source>About your burnout-risk signal. This chart turns your daily check-ins (energy, coding and meeting time, and optionally sleep, stress and calendar data) into a 0–100 signal so you can notice patterns early. It is a self-care aid, not a medical device, a medical assessment or a validated clinical test. The scoring rules are simple, shown in the app, and explained factor by factor; they are informed by research on burnout, workload and recovery but have not been clinically validated for individuals. It cannot see many things that matter, such as how you feel about your work, support at work, or life outside work. A low score does not mean you are fine, and a high score does not mean you have burnout. If you feel persistently exhausted, low, anxious or unable to cope, please talk to a doctor or a mental-health professional, whatever this chart says. Your data stays on this device and is never shared with your employer or with us.</source>
        <translation>Über dein Burnout-Risiko-Signal. Dieses Diagramm macht aus deinen täglichen Check-ins (Energie, Coding- und Meeting-Zeit und optional Schlaf, Stress und Kalenderdaten) ein Signal von 0–100, damit du Muster früh bemerkst. Es ist eine Hilfe zur Selbstfürsorge, kein Medizinprodukt, keine medizinische Beurteilung und kein validierter klinischer Test. Die Bewertungsregeln sind einfach, in der App sichtbar und Faktor für Faktor erklärt; sie stützen sich auf Forschung zu Burnout, Arbeitslast und Erholung, sind aber für Einzelpersonen nicht klinisch validiert. Vieles, was zählt, kann es nicht sehen, etwa wie du zu deiner Arbeit stehst, Unterstützung bei der Arbeit oder dein Leben außerhalb der Arbeit. Ein niedriger Wert heißt nicht, dass es dir gut geht, und ein hoher Wert heißt nicht, dass du Burnout hast. Wenn du dich anhaltend erschöpft, niedergeschlagen, ängstlich oder überfordert fühlst, sprich bitte mit einer Ärztin, einem Arzt oder einer psychotherapeutischen Fachkraft, egal was dieses Diagramm sagt. Deine Daten bleiben auf diesem Gerät und werden nie mit deinem Arbeitgeber oder mit uns geteilt.</translation>
    </message>
    <message>
        <source>Your recent pattern looks sustainable. Keep protecting what&apos;s working: rest days, focus time and sleep.</source>
        <extracomment>Per-level wording (spec 4.10); {top_factor} / {top_factors} quote the first sentence of the top factors&apos; explanations.</extracomment>
        <translation>Dein Verlauf der letzten Zeit wirkt tragfähig. Schütze weiter, was funktioniert: Ruhetage, Fokuszeit und Schlaf.</translation>
    </message>
    <message>
        <source>Some strain is showing: {top_factor}. Small changes now are easier than big ones later. For example: protect one 2-hour focus block a day, leave 5–10 minutes between meetings, or keep one full day free of work this week. If this lasts more than two weeks, it&apos;s worth raising your workload with your manager.</source>
        <translation>Es zeigt sich etwas Belastung: {top_factor}. Kleine Änderungen jetzt fallen leichter als große später. Zum Beispiel: Schütze jeden Tag einen 2-Stunden-Fokusblock, lass 5–10 Minuten zwischen Meetings frei oder halte dir diese Woche einen ganzen Tag frei von Arbeit. Hält das länger als zwei Wochen an, lohnt es sich, deine Arbeitslast bei deiner Führungskraft anzusprechen.</translation>
    </message>
    <message>
        <source>Several strain signals have lined up for at least a week: {top_factors}. This is a good moment to act: talk with your manager or team about priorities and meeting load, and plan real recovery time (evenings off, a full weekend, or leave). If you&apos;ve felt drained on most days for two weeks or more, consider talking to your doctor or your employee assistance programme (EAP).</source>
        <translation>Seit mindestens einer Woche kommen mehrere Belastungssignale zusammen: {top_factors}. Das ist ein guter Moment zu handeln: Sprich mit deiner Führungskraft oder deinem Team über Prioritäten und Meeting-Last, und plane echte Erholungszeit ein (freie Abende, ein ganzes Wochenende oder Urlaub). Wenn du dich seit zwei Wochen oder länger an den meisten Tagen ausgelaugt fühlst, sprich mit deiner Ärztin oder deinem Arzt oder dem Mitarbeiterberatungsprogramm deines Arbeitgebers (EAP).</translation>
    </message>
    <message>
        <source>Your check-ins show sustained low energy together with heavy workload and little recovery. That combination is worth taking seriously, and you don&apos;t have to handle it alone. Please consider reaching out this week to someone who can help: your doctor, a mental-health professional, or your EAP, and let your manager know you need some workload relief. If you are struggling to cope or having thoughts of harming yourself, contact local emergency services or a crisis line now (US: call or text 988; UK &amp; Ireland: Samaritans 116 123; other countries: findahelpline.com).</source>
        <translation>Deine Check-ins zeigen anhaltend niedrige Energie zusammen mit hoher Arbeitslast und wenig Erholung. Diese Kombination solltest du ernst nehmen, und du musst damit nicht allein zurechtkommen. Bitte wende dich diese Woche an jemanden, der helfen kann: deine Ärztin oder deinen Arzt, eine psychotherapeutische Fachkraft oder dein EAP, und sag deiner Führungskraft, dass du Entlastung bei der Arbeit brauchst. Wenn du nicht mehr zurechtkommst oder daran denkst, dir etwas anzutun, wende dich jetzt an den örtlichen Notruf oder eine Krisenhotline (USA: Anruf oder SMS an 988; Vereinigtes Königreich &amp; Irland: Samaritans 116 123; andere Länder: findahelpline.com).</translation>
    </message>
    <message>
        <source>Your energy was at the lowest level on 3 or more work days this week.</source>
        <translation>Deine Energie lag diese Woche an 3 oder mehr Arbeitstagen auf der niedrigsten Stufe.</translation>
    </message>
    <message>
        <source>Energy stayed low on rest days too ({energy:.1f}/5). This can also reflect illness or non-work strain.</source>
        <extracomment>Filled in with ``energy``, the mean energy on rest days.</extracomment>
        <translation>Auch an Ruhetagen blieb deine Energie niedrig ({energy:.1f}/5). Das kann auch an einer Krankheit oder an Belastungen außerhalb der Arbeit liegen.</translation>
    </message>
    <message>
        <source>several small signals together</source>
        <extracomment>Stands for the top factors when none has a sentence to quote.</extracomment>
        <translation>mehrere kleine Signale zusammen</translation>
    </message>
    <message>
        <source>{first}; and {second}</source>
        <extracomment>Two quoted sentences of explanations, each without its full stop.</extracomment>
        <translation>{first}; und {second}</translation>
    </message>
    <message>
        <source>Check in on 1 more day to see your signal.</source>
        <translation>Noch 1 Tag mit Check-in, dann siehst du dein Signal.</translation>
    </message>
    <message>
        <source>Check in on {days} more days to see your signal.</source>
        <translation>Noch {days} Tage mit Check-in, dann siehst du dein Signal.</translation>
    </message>
    <message>
        <source>No energy ratings were logged in the last {days} days.</source>
        <translation>In den letzten {days} Tagen wurde keine Energie erfasst.</translation>
    </message>
    <message>
        <source> (your usual: {energy:.1f})</source>
        <translation> (dein üblicher Wert: {energy:.1f})</translation>
    </message>
    <message>
        <source>Energy on work days averaged {energy:.1f}/5 over the last {days} days{usual}.</source>
        <translation>Deine Energie an Arbeitstagen lag in den letzten {days} Tagen im Mittel bei {energy:.1f}/5{usual}.</translation>
    </message>
    <message>
        <source>Energy averaged {energy:.1f}/5 over the last {days} days, with fewer than 2 work days logged.</source>
        <translation>Deine Energie lag in den letzten {days} Tagen im Mittel bei {energy:.1f}/5, bei weniger als 2 erfassten Arbeitstagen.</translation>
    </message>
    <message>
        <source>This can also reflect illness or non-work strain.</source>
        <translation>Das kann auch an einer Krankheit oder an Belastungen außerhalb der Arbeit liegen.</translation>
    </message>
    <message>
        <source>Stress averaged {stress:.1f}/5 over the last {days} days.</source>
        <translation>Dein Stress lag in den letzten {days} Tagen im Mittel bei {stress:.1f}/5.</translation>
    </message>
    <message>
        <source>Not enough work days logged to assess meetings.</source>
        <translation>Zu wenige Arbeitstage erfasst, um die Meetings zu beurteilen.</translation>
    </message>
    <message>
        <source> vs {share:.0%} at your baseline</source>
        <translation> gegenüber {share:.0%} in deinem üblichen Zeitraum</translation>
    </message>
    <message>
        <source>, {count:.1f} meetings a day</source>
        <translation>, {count:.1f} Meetings pro Tag</translation>
    </message>
    <message>
        <source>Meetings were {share:.0%} of logged work time over the last {days} days{usual} (avg {hours:.1f} h per work day{count}).</source>
        <translation>Meetings machten in den letzten {days} Tagen {share:.0%} der erfassten Arbeitszeit aus{usual} (im Mittel {hours:.1f} h pro Arbeitstag{count}).</translation>
    </message>
    <message>
        <source>Logged work totalled {week:.1f} h in the last 7 days.</source>
        <translation>Deine erfasste Arbeit betrug in den letzten 7 Tagen insgesamt {week:.1f} h.</translation>
    </message>
    <message>
        <source> ({ratio:.2f}x your usual)</source>
        <translation> ({ratio:.2f}-mal so viel wie üblich)</translation>
    </message>
    <message>
        <source>Logged work averaged {hours:.1f} h per work day, {week:.1f} h in the last 7 days{usual}.</source>
        <translation>Deine erfasste Arbeit lag im Mittel bei {hours:.1f} h pro Arbeitstag, {week:.1f} h in den letzten 7 Tagen{usual}.</translation>
    </message>
    <message>
        <source>Coding/deep work averaged {hours:.1f} h per work day vs {usual:.1f} h usual ({change:+.0%}).</source>
        <translation>Coding/Fokusarbeit lag im Mittel bei {hours:.1f} h pro Arbeitstag gegenüber üblichen {usual:.1f} h ({change:+.0%}).</translation>
    </message>
    <message>
        <source>Coding/deep work averaged {hours:.1f} h per work day; erosion is not assessed because your usual coding time is under 1 h per work day.</source>
        <translation>Coding/Fokusarbeit lag im Mittel bei {hours:.1f} h pro Arbeitstag; ein Rückgang wird nicht beurteilt, weil deine übliche Coding-Zeit unter 1 h pro Arbeitstag liegt.</translation>
    </message>
    <message>
        <source>Coding/deep work averaged {hours:.1f} h per work day.</source>
        <translation>Coding/Fokusarbeit lag im Mittel bei {hours:.1f} h pro Arbeitstag.</translation>
    </message>
    <message>
        <source>Not enough work days logged to assess deep work.</source>
        <translation>Zu wenige Arbeitstage erfasst, um die Fokusarbeit zu beurteilen.</translation>
    </message>
    <message>
        <source>{fragmented} of {days} work days had no free 2-h block or had 3+ back-to-back meetings.</source>
        <translation>{fragmented} von {days} Arbeitstagen hatten keinen freien 2-h-Block oder 3+ Meetings direkt hintereinander.</translation>
    </message>
    <message>
        <source>{days} or more consecutive work days without a rest day.</source>
        <translation>{days} oder mehr Arbeitstage am Stück ohne Ruhetag.</translation>
    </message>
    <message>
        <source>{days} consecutive work days without a rest day.</source>
        <translation>{days} Arbeitstage am Stück ohne Ruhetag.</translation>
    </message>
    <message>
        <source>1 work day in a row so far (up to 5 in a row is an ordinary week).</source>
        <translation>Bisher 1 Arbeitstag am Stück (bis zu 5 am Stück sind eine gewöhnliche Woche).</translation>
    </message>
    <message>
        <source>{days} work days in a row so far (up to 5 in a row is an ordinary week).</source>
        <translation>Bisher {days} Arbeitstage am Stück (bis zu 5 am Stück sind eine gewöhnliche Woche).</translation>
    </message>
    <message>
        <source>Your latest check-in with work logged was a rest day (under 1 h of work).</source>
        <translation>Dein letzter Check-in mit erfasster Arbeit war ein Ruhetag (unter 1 h Arbeit).</translation>
    </message>
    <message>
        <source>No work days logged in the last 7 days.</source>
        <translation>In den letzten 7 Tagen wurden keine Arbeitstage erfasst.</translation>
    </message>
    <message>
        <source>Sleep averaged {hours:.1f} h (adults need 7 h or more).</source>
        <translation>Dein Schlaf lag im Mittel bei {hours:.1f} h (Erwachsene brauchen 7 h oder mehr).</translation>
    </message>
</context>
<context>
    <name>RiskChart</name>
    <message>
        <source>&lt;b&gt;Burnout-risk signal&lt;/b&gt;</source>
        <translation>&lt;b&gt;Burnout-Risiko-Signal&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>SafetyActions</name>
    <message>
        <source>&amp;Restore from backup...</source>
        <translation>Aus Sicherung &amp;wiederherstellen...</translation>
    </message>
    <message>
        <source>&amp;Delete all my data...</source>
        <translation>Alle meine Daten &amp;löschen...</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Replace your current data with the backup of {created} ({range})? Your current data is backed up first.</source>
        <translation>Deine aktuellen Daten durch die Sicherung vom {created} ({range}) ersetzen? Deine aktuellen Daten werden vorher gesichert.</translation>
    </message>
    <message>
        <source>Restoring the backup...</source>
        <translation>Die Sicherung wird wiederhergestellt...</translation>
    </message>
    <message>
        <source>No backup made</source>
        <translation>Keine Sicherung erstellt</translation>
    </message>
    <message>
        <source>No backup was made: {error}.</source>
        <translation>Es wurde keine Sicherung erstellt: {error}.</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Sicherung erstellt</translation>
    </message>
    <message>
        <source>Backing up...</source>
        <translation>Sicherung wird erstellt...</translation>
    </message>
    <message>
        <source>Delete all my data</source>
        <translation>Alle meine Daten löschen</translation>
    </message>
    <message>
        <source>Delete all your FocusApp data from this computer: every check-in and focus session, all backups, your settings and the window layout?</source>
        <translation>Alle deine FocusApp-Daten von diesem Computer löschen: jeden Check-in und jede Fokus-Sitzung, alle Sicherungen, deine Einstellungen und die Fensteranordnung?</translation>
    </message>
    <message numerus="yes">
        <source>%n files will be deleted and FocusApp will close. This cannot be undone; export your check-ins first if you want to keep them.</source>
        <translation>
            <numerusform>%n Datei wird gelöscht und FocusApp wird geschlossen. Das kann nicht rückgängig gemacht werden; exportiere vorher deine Check-ins, wenn du sie behalten willst.</numerusform>
            <numerusform>%n Dateien werden gelöscht und FocusApp wird geschlossen. Das kann nicht rückgängig gemacht werden; exportiere vorher deine Check-ins, wenn du sie behalten willst.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete everything</source>
        <translation>Alles löschen</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Reminder time</source>
        <extracomment>How each setting is named on screen, in messages and for screen readers.</extracomment>
        <translation>Erinnerungszeit</translation>
    </message>
    <message>
        <source>Work days</source>
        <translation>Arbeitstage</translation>
    </message>
    <message>
        <source>Snooze for</source>
        <translation>Schlummern für</translation>
    </message>
    <message>
        <source>Day starts at</source>
        <translation>Tag beginnt um</translation>
    </message>
    <message>
        <source>Daily budget</source>
        <translation>Tagesbudget</translation>
    </message>
    <message>
        <source>Focus length</source>
        <translation>Fokus-Dauer</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Bei Anmeldung starten</translation>
    </message>
    <message>
        <source>Show the tray icon</source>
        <translation>Symbol im Infobereich zeigen</translation>
    </message>
    <message>
        <source>My e-mail addresses</source>
        <translation>Meine E-Mail-Adressen</translation>
    </message>
    <message>
        <source>Work hours</source>
        <translation>Arbeitszeit</translation>
    </message>
    <message>
        <source>Not-a-meeting patterns</source>
        <translation>Kein-Meeting-Muster</translation>
    </message>
    <message>
        <source>Count only events with other attendees</source>
        <translation>Nur Termine mit anderen Teilnehmenden zählen</translation>
    </message>
    <message>
        <source>Watched calendar files</source>
        <translation>Beobachtete Kalenderdateien</translation>
    </message>
    <message>
        <source>Look ahead</source>
        <translation>Vorausschau</translation>
    </message>
    <message>
        <source>Weekly review</source>
        <translation>Wochenrückblick</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Calendar files (*.ics);;All files (*)</source>
        <translation>Kalenderdateien (*.ics);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add calendar files</source>
        <translation>Kalenderdateien hinzufügen</translation>
    </message>
    <message>
        <source>FocusApp Settings</source>
        <translation>FocusApp-Einstellungen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Check-ins and focus time before this hour count for the day before.</source>
        <translation>Check-ins und Fokuszeit vor dieser Uhrzeit zählen zum Vortag.</translation>
    </message>
    <message>
        <source>e.g. 4h, 3h30 or 0</source>
        <translation>z. B. 4h, 3h30 oder 0</translation>
    </message>
    <message>
        <source>Show the tray &amp;icon</source>
        <translation>Symbol im &amp;Infobereich zeigen</translation>
    </message>
    <message>
        <source>Start FocusApp when I &amp;log in</source>
        <translation>FocusApp bei &amp;Anmeldung starten</translation>
    </message>
    <message>
        <source>me@example.com, me@work.example</source>
        <translation>ich@example.com, ich@firma.example</translation>
    </message>
    <message>
        <source>Work hours start</source>
        <translation>Beginn der Arbeitszeit</translation>
    </message>
    <message>
        <source>Work hours end</source>
        <translation>Ende der Arbeitszeit</translation>
    </message>
    <message>
        <source>focus, lunch, ooo</source>
        <translation>Fokus, Mittag, OOO</translation>
    </message>
    <message>
        <source>Count only events with &amp;other attendees</source>
        <translation>Nur Termine mit &amp;anderen Teilnehmenden zählen</translation>
    </message>
    <message>
        <source>on</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>Weekly review day</source>
        <translation>Tag des Wochenrückblicks</translation>
    </message>
    <message>
        <source>Weekly review time</source>
        <translation>Uhrzeit des Wochenrückblicks</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Accepted: {forms}</source>
        <translation>Erlaubt: {forms}</translation>
    </message>
    <message>
        <source>Check-in reminder</source>
        <translation>Check-in-Erinnerung</translation>
    </message>
    <message>
        <source>Reminder &amp;time:</source>
        <extracomment>Each setting row&apos;s label (with its mnemonic), and whether it stands above the field: so the seven day boxes still fit longer day names, and long translations leave the wide fields room.</extracomment>
        <translation>Erinnerungs&amp;zeit:</translation>
    </message>
    <message>
        <source>Work &amp;days:</source>
        <translation>Arbeits&amp;tage:</translation>
    </message>
    <message>
        <source>S&amp;nooze for:</source>
        <translation>Sch&amp;lummern für:</translation>
    </message>
    <message>
        <source>Watched &amp;calendar files:</source>
        <translation>Beobachtete &amp;Kalenderdateien:</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Day &amp;starts at:</source>
        <translation>Tag &amp;beginnt um:</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Daily &amp;budget:</source>
        <translation>Tages&amp;budget:</translation>
    </message>
    <message>
        <source>a day (0 = no nudge)</source>
        <translation>pro Tag (0 = kein Hinweis)</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Fokus</translation>
    </message>
    <message>
        <source>&amp;Focus length:</source>
        <translation>&amp;Fokus-Dauer:</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>Wochen</translation>
    </message>
    <message>
        <source>Weekly re&amp;view:</source>
        <translation>Wochen&amp;rückblick:</translation>
    </message>
    <message>
        <source>at</source>
        <translation>um</translation>
    </message>
    <message>
        <source>Loo&amp;k ahead:</source>
        <translation>&amp;Vorausschau:</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>My e-&amp;mail addresses:</source>
        <translation>Meine E-&amp;Mail-Adressen:</translation>
    </message>
    <message>
        <source>&amp;Work hours:</source>
        <translation>Arbeits&amp;zeit:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Not-a-meeting &amp;patterns:</source>
        <translation>Kein-Meeting-&amp;Muster:</translation>
    </message>
    <message>
        <source>{setting}: {reason}</source>
        <translation>{setting}: {reason}</translation>
    </message>
    <message>
        <source>Fix the marked fields first</source>
        <translation>Zuerst die markierten Felder korrigieren</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Start at login</source>
        <translation>Bei Anmeldung starten</translation>
    </message>
    <message>
        <source>Not changed: {error}</source>
        <translation>Nicht geändert: {error}</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>Einstellungen nicht gespeichert</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Nicht gespeichert: {error}</translation>
    </message>
    <message>
        <source>Nothing deleted</source>
        <translation>Nichts gelöscht</translation>
    </message>
</context>
<context>
    <name>StartupReport</name>
    <message>
        <source>FocusApp&apos;s database had lost its write-ahead log (the -wal file beside it was deleted while the database was open). Changes made in the moments before may be missing; if a day looks wrong, restore a backup with File &gt; Restore from backup.</source>
        <translation>Der Datenbank von FocusApp fehlte ihr Write-Ahead-Log (die -wal-Datei daneben wurde gelöscht, während die Datenbank offen war). Änderungen aus den Augenblicken davor können fehlen; wenn ein Tag nicht stimmt, stellen Sie eine Sicherung wieder her: Datei &gt; Aus Sicherung wiederherstellen.</translation>
    </message>
    <message>
        <source>FocusApp&apos;s database was damaged ({damage}). It was kept as {name} in {folder}, and FocusApp started with a new, empty database.</source>
        <translation>Die Datenbank von FocusApp war beschädigt ({damage}). Sie wurde als {name} in {folder} aufbewahrt, und FocusApp startete mit einer neuen, leeren Datenbank.</translation>
    </message>
    <message>
        <source>{why}. It was left untouched and set aside as {name} in {folder} (install the newer FocusApp and move it back to use it again), and FocusApp started with a new, empty database.</source>
        <translation>{why}. Sie blieb unverändert und wurde als {name} in {folder} beiseitegelegt (installieren Sie das neuere FocusApp und verschieben Sie sie zurück, um sie wieder zu nutzen), und FocusApp startete mit einer neuen, leeren Datenbank.</translation>
    </message>
    <message>
        <source>Today&apos;s automatic backup could not be made: {error}.</source>
        <translation>Die automatische Sicherung von heute konnte nicht angelegt werden: {error}.</translation>
    </message>
    <message>
        <source>There is no backup to restore from.</source>
        <translation>Es gibt keine Sicherung, aus der wiederhergestellt werden könnte.</translation>
    </message>
    <message>
        <source>Your newest good backup is from {made} ({what}); you can restore it.</source>
        <translation>Ihre neueste intakte Sicherung ist vom {made} ({what}); Sie können sie wiederherstellen.</translation>
    </message>
</context>
<context>
    <name>StreakChart</name>
    <message>
        <source>&lt;b&gt;Consecutive work days&lt;/b&gt; &amp;nbsp; {bar} days in a row &amp;nbsp; {dotted} {days} (an ordinary week)</source>
        <translation>&lt;b&gt;Arbeitstage am Stück&lt;/b&gt; &amp;nbsp; {bar} Tage am Stück &amp;nbsp; {dotted} {days} (eine gewöhnliche Woche)</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>energy {energy}</source>
        <translation>Energie {energy}</translation>
    </message>
    <message>
        <source>coding {time}</source>
        <translation>Coding {time}</translation>
    </message>
    <message>
        <source>meetings {time}</source>
        <translation>Meetings {time}</translation>
    </message>
    <message>
        <source>not checked in yet</source>
        <translation>noch nicht eingecheckt</translation>
    </message>
    <message>
        <source>risk {level}</source>
        <translation>Risiko {level}</translation>
    </message>
    <message>
        <source>Today: {parts}</source>
        <translation>Heute: {parts}</translation>
    </message>
    <message>
        <source>Focus session: {elapsed}</source>
        <translation>Fokus-Sitzung: {elapsed}</translation>
    </message>
    <message>
        <source>Reminders paused until {time}</source>
        <translation>Erinnerungen pausiert bis {time}</translation>
    </message>
    <message>
        <source>Check in now...</source>
        <translation>Jetzt einchecken...</translation>
    </message>
    <message>
        <source>Edit today&apos;s check-in...</source>
        <translation>Heutigen Check-in bearbeiten...</translation>
    </message>
    <message>
        <source>Start focus session</source>
        <translation>Fokus-Sitzung starten</translation>
    </message>
    <message>
        <source>Stop focus session ({elapsed})</source>
        <translation>Fokus-Sitzung beenden ({elapsed})</translation>
    </message>
    <message>
        <source>Add meeting time...</source>
        <translation>Meeting-Zeit hinzufügen...</translation>
    </message>
    <message>
        <source>Open dashboard</source>
        <translation>Dashboard öffnen</translation>
    </message>
    <message>
        <source>Resume reminders (paused until {time})</source>
        <translation>Erinnerungen fortsetzen (pausiert bis {time})</translation>
    </message>
    <message>
        <source>Pause reminders</source>
        <translation>Erinnerungen pausieren</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Für 1 Stunde</translation>
    </message>
    <message>
        <source>For the rest of today</source>
        <translation>Für den Rest des Tages</translation>
    </message>
    <message>
        <source>Settings...</source>
        <translation>Einstellungen...</translation>
    </message>
    <message>
        <source>Quit FocusApp</source>
        <translation>FocusApp beenden</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>is outside {first} to {last}</source>
        <extracomment>Follows the day as typed (&quot;2300-01-01 is outside ...&quot;).</extracomment>
        <translation>liegt außerhalb von {first} bis {last}</translation>
    </message>
    <message>
        <source>&apos;(empty)&apos;</source>
        <translation>&apos;(leer)&apos;</translation>
    </message>
    <message>
        <source>{text} is not a duration; use {forms}</source>
        <extracomment>{text} is what was typed, quoted; {forms} lists the accepted forms, which stay in English.</extracomment>
        <translation>{text} ist keine Dauer; erlaubt sind {forms}</translation>
    </message>
    <message>
        <source>{text} is not a number of hours; use {forms}</source>
        <translation>{text} ist keine Stundenzahl; erlaubt sind {forms}</translation>
    </message>
    <message>
        <source>{value} is outside {low}-{high}</source>
        <translation>{value} liegt außerhalb von {low}-{high}</translation>
    </message>
    <message>
        <source>{value} minutes is negative</source>
        <translation>{value} Minuten sind negativ</translation>
    </message>
    <message>
        <source>{value} minutes is more than a day (24h)</source>
        <translation>{value} Minuten sind mehr als ein Tag (24h)</translation>
    </message>
    <message>
        <source>{value} is negative</source>
        <translation>{value} ist negativ</translation>
    </message>
    <message>
        <source>{day} {problem}</source>
        <translation>{day} {problem}</translation>
    </message>
    <message>
        <source>{day} is more than a day in the future</source>
        <translation>{day} liegt mehr als einen Tag in der Zukunft</translation>
    </message>
    <message>
        <source>coding plus meetings is {hours:.1f}h, more than 24h</source>
        <translation>Coding plus Meetings ergibt {hours:.1f}h, mehr als 24h</translation>
    </message>
    <message>
        <source>{hours:g} hours is outside 0-24</source>
        <translation>{hours:g} Stunden liegen außerhalb von 0-24</translation>
    </message>
    <message>
        <source>is {length} characters; at most {most}</source>
        <translation>hat {length} Zeichen; erlaubt sind höchstens {most}</translation>
    </message>
    <message>
        <source>holds bytes that are not text (not UTF-8); retype those characters</source>
        <translation>enthält Bytes, die kein Text sind (kein UTF-8); tippe diese Zeichen neu</translation>
    </message>
</context>
<context>
    <name>WorkMixChart</name>
    <message>
        <source>&lt;b&gt;Maker vs manager time&lt;/b&gt; (hours per week) &amp;nbsp; {coding} coding &amp;nbsp; {meetings} meetings &amp;nbsp; {share} meeting share (weekly, right axis)</source>
        <translation>&lt;b&gt;Macher- vs. Managerzeit&lt;/b&gt; (Stunden pro Woche) &amp;nbsp; {coding} Coding &amp;nbsp; {meetings} Meetings &amp;nbsp; {share} Meeting-Anteil (wöchentlich, rechte Achse)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Maker vs manager time&lt;/b&gt; (hours per day) &amp;nbsp; {coding} coding &amp;nbsp; {meetings} meetings &amp;nbsp; {share} meeting share (7-day, right axis)</source>
        <translation>&lt;b&gt;Macher- vs. Managerzeit&lt;/b&gt; (Stunden pro Tag) &amp;nbsp; {coding} Coding &amp;nbsp; {meetings} Meetings &amp;nbsp; {share} Meeting-Anteil (7 Tage, rechte Achse)</translation>
    </message>
</context>
<context>
    <name>_Tile</name>
    <message>
        <source>{caption}: {value}</source>
        <translation>{caption}: {value}</translation>
    </message>
</context>
<context>
    <name>_Words</name>
    <message numerus="yes">
        <source>%n days ({range})</source>
        <translation>
            <numerusform>%n Tag ({range})</numerusform>
            <numerusform>%n Tage ({range})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;{time}&lt;/b&gt; in meetings (%n meetings)</source>
        <translation>
            <numerusform>&lt;b&gt;{time}&lt;/b&gt; in Meetings (%n Meeting)</numerusform>
            <numerusform>&lt;b&gt;{time}&lt;/b&gt; in Meetings (%n Meetings)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events left out, each with its reason.</source>
        <translation>
            <numerusform>%n Termin nicht gezählt, mit Begründung.</numerusform>
            <numerusform>%n Termine nicht gezählt, jeder mit Begründung.</numerusform>
        </translation>
    </message>
</context>
</TS>
