/* store_course: help requests and their course (see store.h). Being written. */
#include "store/store_internal.h"
