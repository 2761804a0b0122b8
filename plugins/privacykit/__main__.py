"""`python -m privacykit`: the same command line as the `privacykit` script, for an environment whose scripts
folder is not on PATH (a virtualenv used without activating it)."""

from privacykit.cli import main

if __name__ == "__main__":
    main()
