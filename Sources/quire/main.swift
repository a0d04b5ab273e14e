import QuireCLI

Quire.run()
