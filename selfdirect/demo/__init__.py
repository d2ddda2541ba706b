"""The fictional Clydeview partnership: every stage's demo records and `selfdirect seed`.

Domain apps never import this package; it imports them.
"""
