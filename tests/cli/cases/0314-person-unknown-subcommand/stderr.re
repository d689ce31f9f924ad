kies add, show, find, update of involved
