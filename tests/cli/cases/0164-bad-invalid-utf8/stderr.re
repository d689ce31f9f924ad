JSON|comment|UTF
