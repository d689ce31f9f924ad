needs\.behaviour
