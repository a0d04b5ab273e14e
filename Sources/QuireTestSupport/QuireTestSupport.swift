// QuireTestSupport
