"""The ``troubleshooter`` command line."""
