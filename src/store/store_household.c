/* store_household: organisations, users and households. Being written. */
#include "store/store_internal.h"
