needs\.sleep
