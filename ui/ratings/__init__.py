"""好差评: the day's ratings and the 差评 follow-ups, for the roles that handle them."""
