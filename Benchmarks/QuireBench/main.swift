// The benchmark lands with the loader.
print("quire-bench: not built yet")
