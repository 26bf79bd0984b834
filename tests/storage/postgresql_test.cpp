// PLACEHOLDER: tests of the postgresql backend are being written.
