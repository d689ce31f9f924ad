/* store_provider: providers and contracts (see store.h). Being written. */
#include "store/store_internal.h"
