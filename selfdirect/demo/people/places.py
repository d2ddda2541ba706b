"""The demo partnership's localities, towns, streets and teams (all invented)."""

from typing import Any

# Each locality: its postcode district, its towns and streets, and its teams.
# Team kinds steer allocation: older people, a specialist team, or adult social work.
LOCALITIES: list[dict[str, Any]] = [
    {
        "name": "Clydeview and Whinhill",
        "district": "G81",
        "towns": ["Clydeview", "Whinhill"],
        "streets": [
            "Kilbrannan Road",
            "Whinhill Crescent",
            "Shipyard Lane",
            "Titan Street",
            "Riverside Gardens",
            "Auchentorlie Drive",
            "Braeside Avenue",
            "Crane View",
            "Slipway Court",
            "Mossgiel Place",
            "Ferry Road",
            "Harbour Wynd",
        ],
        "teams": [
            ("Clydeview North Social Work", "adults"),
            ("Clydeview South Social Work", "adults"),
            ("Clydeview and Whinhill Older People's Team", "older_people"),
        ],
    },
    {
        "name": "Levenford and Dunbrack",
        "district": "G82",
        "towns": ["Levenford", "Dunbrack"],
        "streets": [
            "Leven Walk",
            "Castlehill Road",
            "Mill Brae",
            "Bleachfield Street",
            "Kirkland Avenue",
            "Cronin Court",
            "Rock View",
            "Dyer's Lane",
            "Glenpark Terrace",
            "Strathleven Drive",
        ],
        "teams": [
            ("Levenford Social Work", "adults"),
            ("Levenford and Dunbrack Older People's Team", "older_people"),
            ("Levenford Community Learning Disability Team", "specialist"),
        ],
    },
    {
        "name": "Lochside and Arden",
        "district": "G83",
        "towns": ["Arden Shore", "Glenmorran", "Lochside"],
        "streets": [
            "Loch Road",
            "Pier Street",
            "Birchwood Drive",
            "Heather Bank",
            "Ben View",
            "Marina Crescent",
            "Rowan Place",
            "Old Toll Road",
            "Glenmorran Terrace",
        ],
        "teams": [
            ("Lochside and Arden Social Work", "adults"),
            ("Lochside Older People's Team", "older_people"),
            ("Lochside Community Mental Health Team", "specialist"),
        ],
    },
    {
        "name": "Carrick Braes",
        "district": "G60",
        "towns": ["Bowhill", "Glenkirk", "Carrick"],
        "streets": [
            "Carrick Brae",
            "Canal Bank",
            "Bowhill Road",
            "Glenkirk Main Street",
            "Roman Way",
            "Lock Keeper's Row",
            "Saltings Road",
            "Station Brae",
        ],
        "teams": [
            ("Carrick Braes Social Work", "adults"),
            ("Carrick Braes Older People's Team", "older_people"),
            ("Carrick Braes Transitions and Disability Team", "specialist"),
        ],
    },
]

# Letters allowed in the inward part of a UK postcode (no C, I, K, M, O or V).
POSTCODE_UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
