"""Knowledge as data: the lexicons in data/ and the user's curations of them."""
