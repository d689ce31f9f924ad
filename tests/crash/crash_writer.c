/* crash_writer: the writer of the SIGKILL crash test. Being written. */
int main(void);

int main(void)
{
	return 0;
}
