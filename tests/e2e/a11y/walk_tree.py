"""Print the AT-SPI tree of a running application as JSON lines (run by Debian's python3).

pyatspi comes from Debian (python3-pyatspi), not from PyPI, so this script runs under the
system interpreter while the test itself runs in the project's virtual environment. Each
line: {"depth", "role", "name", "showing", "labelled_by": [names]}.
"""

import json
import sys
import time

import pyatspi


def find_app(name: str, seconds: float = 30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and (app.name or "").lower() == name.lower():
                return app
        time.sleep(0.2)
    return None


def labels(node) -> list[str]:
    names = []
    for relation in node.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            names += [relation.getTarget(i).name for i in range(relation.getNTargets())]
    return names


def walk(node, depth: int = 0):
    try:
        row = {
            "depth": depth,
            "role": node.getRoleName(),
            "name": node.name or "",
            "showing": node.getState().contains(pyatspi.STATE_SHOWING),
            "labelled_by": labels(node),
        }
    except Exception:  # a node that went away while walking
        return
    print(json.dumps(row), flush=True)
    for child in node:
        if child is not None:
            walk(child, depth + 1)


app = find_app(sys.argv[1])
if app is None:
    sys.exit(f"no application named {sys.argv[1]} on the accessibility bus")
walk(app)
