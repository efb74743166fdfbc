// jobpackcheck reads a wrkr jobpack with Go's own standard library — the archive/zip, encoding/json,
// crypto/sha256 and time packages Wrkr's verify is built on — and checks what Wrkr's verify relies
// on: the zip opens and every entry reads back with its CRC; manifest.json decodes into Wrkr's
// manifest fields and its manifest_sha256 is the hash of its canonical form after Go's time
// round-trip; every listed file is present with its sha256 and nothing is undeclared; job.json,
// artifacts_manifest.json and each line of events.jsonl, checkpoints.jsonl and approvals.jsonl
// decode into exactly Wrkr's fields (unknown fields refused, as Wrkr's schemas refuse them).
// Then it rewrites the entries with archive/zip's writer, as Wrkr's export does (stored, modified
// 1980-01-01 UTC), and says whether the bytes are the same.
//
// Written for GoArchiveZipTest; it is not Wrkr's code. Usage: jobpackcheck <jobpack.zip>
package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
)

type manifestFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

type manifest struct {
	SchemaID        string         `json:"schema_id"`
	SchemaVersion   string         `json:"schema_version"`
	CreatedAt       time.Time      `json:"created_at"`
	ProducerVersion string         `json:"producer_version"`
	JobID           string         `json:"job_id"`
	ManifestSHA256  string         `json:"manifest_sha256"`
	Files           []manifestFile `json:"files"`
}

type envelope struct {
	SchemaID        string    `json:"schema_id"`
	SchemaVersion   string    `json:"schema_version"`
	CreatedAt       time.Time `json:"created_at"`
	ProducerVersion string    `json:"producer_version"`
	JobID           string    `json:"job_id"`
}

type job struct {
	envelope
	Name    string `json:"name"`
	Status  string `json:"status"`
	Budgets struct {
		RetryCount    int64 `json:"retry_count"`
		StepCount     int64 `json:"step_count"`
		ToolCallCount int64 `json:"tool_call_count"`
	} `json:"budgets"`
}

type event struct {
	envelope
	EventID  string          `json:"event_id"`
	Type     string          `json:"type"`
	Executed bool            `json:"executed"`
	Payload  json.RawMessage `json:"payload"`
}

type checkpoint struct {
	envelope
	CheckpointID string `json:"checkpoint_id"`
	Type         string `json:"type"`
	Summary      string `json:"summary"`
	Status       string `json:"status"`
	BudgetState  struct {
		WallTimeSeconds int64 `json:"wall_time_seconds"`
		RetryCount      int64 `json:"retry_count"`
		StepCount       int64 `json:"step_count"`
		ToolCallCount   int64 `json:"tool_call_count"`
	} `json:"budget_state"`
	ArtifactsDelta struct {
		Added   []string `json:"added"`
		Changed []string `json:"changed"`
		Removed []string `json:"removed"`
	} `json:"artifacts_delta"`
	RequiredAction *struct {
		Kind         string `json:"kind,omitempty"`
		Instructions string `json:"instructions,omitempty"`
	} `json:"required_action,omitempty"`
	ReasonCodes []string `json:"reason_codes"`
}

type approval struct {
	envelope
	CheckpointID string `json:"checkpoint_id"`
	Reason       string `json:"reason"`
	ApprovedBy   string `json:"approved_by"`
}

type artifactsManifest struct {
	envelope
	CaptureMode string `json:"capture_mode"`
	Artifacts   []struct {
		Path     string `json:"path"`
		SHA256   string `json:"sha256"`
		Redacted *bool  `json:"redacted,omitempty"` // allowed by Wrkr's schema (reference §11)
	} `json:"artifacts"`
}

func strict(data []byte, into interface{}) error {
	d := json.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	if err := d.Decode(into); err != nil {
		return err
	}
	if d.More() {
		return fmt.Errorf("trailing data")
	}
	return nil
}

// canonical writes v as JSON with sorted keys, no whitespace and no HTML escaping: for the
// manifest (strings, and lists of objects of strings) that is its RFC 8785 form.
func canonical(v interface{}) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var generic interface{}
	if err := json.Unmarshal(raw, &generic); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(generic); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func lines(name string, data []byte, each func([]byte) error) error {
	s := bufio.NewScanner(bytes.NewReader(data))
	s.Buffer(make([]byte, 1<<20), 64<<20)
	n := 0
	for s.Scan() {
		n++
		if err := each(s.Bytes()); err != nil {
			return fmt.Errorf("%s line %d: %v", name, n, err)
		}
	}
	return s.Err()
}

func run(path string) error {
	r, err := zip.OpenReader(path)
	if err != nil {
		return fmt.Errorf("open: %v", err)
	}
	defer r.Close()
	contents := map[string][]byte{}
	var order []string
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("open %s: %v", f.Name, err)
		}
		b, err := io.ReadAll(rc) // archive/zip checks the CRC-32 at the end
		rc.Close()
		if err != nil {
			return fmt.Errorf("read %s: %v", f.Name, err)
		}
		if _, dup := contents[f.Name]; dup {
			return fmt.Errorf("duplicate entry %s", f.Name)
		}
		contents[f.Name] = b
		order = append(order, f.Name)
	}
	if !sort.StringsAreSorted(order) {
		return fmt.Errorf("entries not sorted: %v", order)
	}

	var m manifest
	if err := strict(contents["manifest.json"], &m); err != nil {
		return fmt.Errorf("manifest.json: %v", err)
	}
	stated := m.ManifestSHA256
	m.ManifestSHA256 = strings.Repeat("0", 64)
	pre, err := canonical(m)
	if err != nil {
		return err
	}
	if sum(pre) != stated {
		return fmt.Errorf("manifest_sha256 mismatch: stated %s, computed %s over %s", stated, sum(pre), pre)
	}
	declared := map[string]bool{"manifest.json": true}
	for _, f := range m.Files {
		b, ok := contents[f.Path]
		if !ok {
			return fmt.Errorf("listed file missing: %s", f.Path)
		}
		if sum(b) != f.SHA256 {
			return fmt.Errorf("sha256 mismatch: %s", f.Path)
		}
		declared[f.Path] = true
	}
	for name := range contents {
		if !declared[name] {
			return fmt.Errorf("undeclared entry: %s", name)
		}
	}

	var j job
	if err := strict(contents["job.json"], &j); err != nil {
		return fmt.Errorf("job.json: %v", err)
	}
	var am artifactsManifest
	if err := strict(contents["artifacts_manifest.json"], &am); err != nil {
		return fmt.Errorf("artifacts_manifest.json: %v", err)
	}
	events := 0
	if err := lines("events.jsonl", contents["events.jsonl"], func(l []byte) error {
		events++
		var e event
		return strict(l, &e)
	}); err != nil {
		return err
	}
	if err := lines("checkpoints.jsonl", contents["checkpoints.jsonl"], func(l []byte) error {
		var c checkpoint
		return strict(l, &c)
	}); err != nil {
		return err
	}
	if b, ok := contents["approvals.jsonl"]; ok {
		if err := lines("approvals.jsonl", b, func(l []byte) error {
			var a approval
			return strict(l, &a)
		}); err != nil {
			return err
		}
	}

	var out bytes.Buffer
	w := zip.NewWriter(&out)
	for _, name := range order {
		fw, err := w.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store,
			Modified: time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return err
		}
		if _, err := fw.Write(contents[name]); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	original, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	rewrite := "identical"
	if !bytes.Equal(out.Bytes(), original) {
		at := 0
		for at < len(original) && at < out.Len() && original[at] == out.Bytes()[at] {
			at++
		}
		rewrite = fmt.Sprintf("differs-at-%d", at)
	}
	fmt.Printf("ok files=%d events=%d go-rewrite=%s\n", len(m.Files), events, rewrite)
	return nil
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: jobpackcheck <jobpack.zip>")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Println("fail:", err)
		os.Exit(1)
	}
}
