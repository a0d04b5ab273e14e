// QuireCLI
