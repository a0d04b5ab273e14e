// QuireSearch
