kies add, show, find of update
