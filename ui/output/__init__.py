"""出件: results handed over at the window or sent by courier, fees collected first."""
