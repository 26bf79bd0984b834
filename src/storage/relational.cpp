// PLACEHOLDER: the relational codec shared by the SQLite and PostgreSQL backends.
