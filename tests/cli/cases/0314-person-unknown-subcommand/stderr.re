kies add, show, find, update, involved of search
