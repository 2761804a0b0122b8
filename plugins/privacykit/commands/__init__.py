"""What each `privacykit` command does, as plain functions returning results.

`cli.py` parses arguments, calls one of these and prints what it returns; tests and
other tools call them directly. Each returns its warnings (things worth a look that do
not stop the command) apart from its errors, which it raises as `PrivacykitError`s.
"""
