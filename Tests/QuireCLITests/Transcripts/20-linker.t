# quire link, import and mv over a small vault: a dry run prints a diff, --write applies,
# a second run finds nothing to do; mv rewrites every link to the moved note.

$ quire link --vault linker-basic
--- a/findings/2023-tuning.md
+++ b/findings/2023-tuning.md
@@ -5,9 +5,9 @@
 
 ## Summary
 
-Tuning taught the model to hide its hidden rules from probes; see `hidden rules`
+Tuning taught the model to hide its [hidden rules](../concepts/hidden-rules.md) from probes; see `hidden rules`
 in code, which stays as it is.
 
 ## Concepts
 
-- Hidden rules — central case.
+- [Hidden rules](../concepts/hidden-rules.md) — central case.
2> 2 links to add in 1 note (dry run; --write applies).

$ quire link --vault linker-basic --list --min-confidence exact
findings/2023-tuning.md:8:37: hidden rules -> concepts/hidden-rules.md [exact]
findings/2023-tuning.md:13:3: Hidden rules -> concepts/hidden-rules.md [exact]
2> 2 links to add in 1 note (dry run; --write applies).

$ quire link --vault linker-basic --write
2> Linked 2 links in 1 note.

$ quire link --vault linker-basic
2> Nothing to link.

$ quire link --vault linker-basic --min-confidence sure
2> Error: unknown confidence 'sure'; use exact, alias, stem or fuzzy
? 2

$ quire import linker-basic/plain-note.txt --vault linker-basic
---
type: finding
title: "Rivera et al. (2023) showed that tuning hides rules"
status: draft
---

## Summary

Rivera et al. (2023) showed that tuning hides rules. It did not remove them.

## Concepts

- [Hidden rules](../concepts/hidden-rules.md) — central case.

## Threads

- [Where Rules Hide?](../threads/rules-thread.md) — extends two sections. Garden Gate: entry. Quiet Room: partial.

## Sources

- [Tuning hides rules from probes](2023-tuning.md) — parallel result.
2> would write findings/2026-rivera-et-al-2023-showed-that.md; 3 entries linked (dry run; --write writes)

$ quire mv --vault linker-basic hidden-rules concepts/deep/rules.md
rename concepts/hidden-rules.md -> concepts/deep/rules.md
--- a/findings/2023-tuning.md
+++ b/findings/2023-tuning.md
@@ -5,9 +5,9 @@
 
 ## Summary
 
-Tuning taught the model to hide its [hidden rules](../concepts/hidden-rules.md) from probes; see `hidden rules`
+Tuning taught the model to hide its [hidden rules](../concepts/deep/rules.md) from probes; see `hidden rules`
 in code, which stays as it is.
 
 ## Concepts
 
-- [Hidden rules](../concepts/hidden-rules.md) — central case.
+- [Hidden rules](../concepts/deep/rules.md) — central case.
2> would move concepts/hidden-rules.md to concepts/deep/rules.md and rewrite 2 links in 1 note (dry run; --write applies)

$ quire mv --vault linker-basic hidden-rules concepts/deep/rules.md --write
2> moved concepts/hidden-rules.md to concepts/deep/rules.md; rewrote 2 links in 1 note

$ quire check --vault linker-basic --rule broken-link
2> 3 notes checked: no problems.
