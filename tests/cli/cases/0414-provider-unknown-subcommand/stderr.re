provider: kies add, show, status, budget of capacity
