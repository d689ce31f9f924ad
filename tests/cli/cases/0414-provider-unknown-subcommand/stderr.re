provider: kies add, show of status
