needs\.family
