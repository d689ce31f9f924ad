needs\.parenting
