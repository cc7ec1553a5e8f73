"""代办 (proxy service): the open records, their steps and papers."""
