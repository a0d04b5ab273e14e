# A first word that names no command, followed by more words than the browser takes
# (one note), is a mistyped command; `move` is another name for `mv`.
$ quire serach --vault research sleeper
2> Error: unknown command 'serach' (did you mean 'search'?); the commands are browse, list, show, links, backlinks, search, graph, path, check, index, link, import, mv
? 2

$ quire lisst --type concept
2> Error: unknown command 'lisst' (did you mean 'list'?); the commands are browse, list, show, links, backlinks, search, graph, path, check, index, link, import, mv
? 2

$ quire frobnicate --vault research a b
2> Error: unknown command 'frobnicate'; the commands are browse, list, show, links, backlinks, search, graph, path, check, index, link, import, mv
? 2

$ quire move --vault research nothing-here concepts/x.md
2> Error: unknown note 'nothing-here' in $FIXTURES/research
? 2

$ quire --vault research serach sleeper
2> Error: unknown command 'serach' (did you mean 'search'?); the commands are browse, list, show, links, backlinks, search, graph, path, check, index, link, import, mv
? 2
