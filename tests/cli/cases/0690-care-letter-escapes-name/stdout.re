Sanne &lt;b&gt;&amp; de Vries
