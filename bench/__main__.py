"""Run every benchmark: ``python -m bench``."""

from bench import verification

if __name__ == "__main__":
    verification.main()
