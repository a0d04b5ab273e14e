// QuireTUI
