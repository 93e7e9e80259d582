"""The performance harness (`make bench`, issue 8): see bench/README.md."""
