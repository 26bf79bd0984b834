// PLACEHOLDER: tests of the snapshot backend are being written.
