// QuireTerminal
