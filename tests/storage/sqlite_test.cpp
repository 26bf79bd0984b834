// PLACEHOLDER: tests of the sqlite backend are being written.
