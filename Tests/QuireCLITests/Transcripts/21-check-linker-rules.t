# quire check's vault-aware rules over the lint fixture: reciprocity, section order,
# citation integrity, and the count of unlinked mentions (info: it leaves the exit code alone).
$ quire check --vault lint
findings/2024-lost.md:7:1: warning: source https://example.org/none matches no source stub's url [unmatched-source]
findings/2024-tuning.md:1:1: info: 1 unlinked mention of other notes (quire link findings/2024-tuning.md) [unlinked-mention]
findings/2024-tuning.md:10:1: warning: bare URL https://example.org/b: cite its source stub raw/papers/source-2024-b-again.md instead [bare-url]
findings/2024-tuning.md:16:1: warning: section 'Summary' comes after 'Method'; a finding's sections go Summary, Method, Key results, Why it matters, Lens notes, Interpretive tensions, Concepts, Threads, Sources [section-order]
findings/2024-tuning.md:22:3: warning: concepts/hidden-rules.md does not link back to this finding under Instantiating findings [reciprocity]
raw/papers/source-2024-b-again.md:1:1: warning: no other note links to this source [orphan]
raw/papers/source-2024-b-again.md:8:1: warning: url http://www.example.org/b/ is also the url of raw/papers/source-2024-b.md [duplicate-source]
raw/papers/source-2024-b.md:1:1: warning: no other note links to this source [orphan]
raw/papers/source-2024-b.md:8:1: warning: url https://example.org/b is also the url of raw/papers/source-2024-b-again.md [duplicate-source]
2> 8 notes checked: 8 problems.
? 1

$ quire check --vault lint --rule unlinked-mention
findings/2024-tuning.md:1:1: info: 1 unlinked mention of other notes (quire link findings/2024-tuning.md) [unlinked-mention]
2> 8 notes checked: no problems.

$ quire check --vault lint --rule reciprocity --json
{
  "vault": "$FIXTURES/lint",
  "problems": [
    {
      "path": "findings/2024-tuning.md",
      "line": 22,
      "column": 3,
      "severity": "warning",
      "rule": "reciprocity",
      "message": "concepts/hidden-rules.md does not link back to this finding under Instantiating findings"
    }
  ]
}
? 1

$ quire check --list-rules
broken-link      error    a link to a note or file that does not exist
broken-anchor    error    a link to a heading the target does not have
ambiguous-link   warning  a link several notes answer to
orphan           warning  a typed note that no other note links to
missing-field    warning  a front-matter field the note's type requires
missing-title    warning  a typed note with no title field or # heading
duplicate-title  warning  two notes with the same title
no-concept       warning  a finding (not a draft) that links no concept
stale            warning  a finding dated over twelve months ago and not stable
yaml             warning  front matter that is not valid YAML
encoding         warning  a file that is not valid UTF-8
unreadable       warning  a file or folder that cannot be read
symlink          warning  a symbolic link that is broken or leads outside the vault
unlinked-mention info     prose naming other notes that quire link would link
reciprocity      warning  a finding's concept that does not list it under Instantiating findings, or the reverse
section-order    warning  a note's usual sections out of their order for its type
bare-url         warning  a bare URL in prose where a source stub has that url
duplicate-source warning  two source stubs with the same url
unmatched-source warning  a finding (not a draft) whose source: no stub has

