"""Multilingual knowledge base and guided troubleshooter for the Secure Login System."""
