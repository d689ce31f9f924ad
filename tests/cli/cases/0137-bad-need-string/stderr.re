needs\.school
